package io.senchat.domain.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.senchat.domain.common.ErrorCode;
import io.senchat.domain.conversation.ConversationId;
import io.senchat.domain.message.Attachment;
import io.senchat.domain.message.Mention;
import io.senchat.domain.message.Message;
import io.senchat.domain.message.MessageKind;
import io.senchat.domain.message.OutgoingMessage;
import io.senchat.domain.message.Reaction;
import io.senchat.domain.protocol.ClientFrame.Ping;
import io.senchat.domain.protocol.ClientFrame.SendMessage;
import io.senchat.domain.protocol.ServerFrame.Ack;
import io.senchat.domain.protocol.ServerFrame.ErrorFrame;
import io.senchat.domain.protocol.ServerFrame.MemberChanged;
import io.senchat.domain.protocol.ServerFrame.MessageHidden;
import io.senchat.domain.protocol.ServerFrame.MessageNew;
import io.senchat.domain.protocol.ServerFrame.SyncBatch;
import io.senchat.domain.user.UserId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Pins the exact text of a few frames, so that a change to the wire format is always a deliberate one. */
class WireFormatTest {

  private static final ConversationId C42 = ConversationId.of(42);

  private static void assertClientWire(String expected, String requestId, ClientFrame frame) {
    assertEquals(expected, ProtocolCodec.encodeClient(requestId, frame));
    assertEquals(new Inbound(requestId, frame), ProtocolCodec.decodeClient(expected));
  }

  private static void assertServerWire(String expected, String requestId, ServerFrame frame) {
    assertEquals(expected, ProtocolCodec.encodeServer(requestId, frame));
    assertEquals(new Outbound(requestId, frame), ProtocolCodec.decodeServer(expected));
  }

  @Test
  void ping() {
    assertClientWire("{\"v\":1,\"type\":\"ping\"}", null, new Ping());
    assertClientWire("{\"v\":1,\"type\":\"ping\",\"id\":\"r7\"}", "r7", new Ping());
  }

  @Test
  void sendWithMentionAndEscapes() {
    OutgoingMessage message = new OutgoingMessage(C42, "c-8f1e", MessageKind.TEXT,
        "@all <b>\"hi\"</b> 😀\n", null, "", 17, null, List.of(Mention.all(0, 4)));
    assertClientWire("{\"v\":1,\"type\":\"message.send\",\"id\":\"r42\",\"data\":{\"conversationId\":42,"
        + "\"clientId\":\"c-8f1e\",\"kind\":\"text\",\"text\":\"@all \\u003cb\\u003e\\\"hi\\\"\\u003c/b\\u003e 😀\\n\","
        + "\"replyToSeq\":17,\"mentions\":[{\"userId\":null,\"start\":0,\"length\":4}]}}",
        "r42", new SendMessage(message));
  }

  @Test
  void ackOfASend() {
    assertServerWire("{\"v\":1,\"type\":\"ack\",\"id\":\"r42\",\"data\":{\"conversationId\":42,\"seq\":1031,"
        + "\"clientId\":\"c-8f1e\",\"sentAtMillis\":1764115200000}}",
        "r42", new Ack(C42, 1031, "c-8f1e", 1_764_115_200_000L));
    assertServerWire("{\"v\":1,\"type\":\"ack\",\"id\":\"r43\"}", "r43", Ack.EMPTY);
  }

  @Test
  void error() {
    assertServerWire("{\"v\":1,\"type\":\"error\",\"id\":\"r42\",\"data\":{\"code\":\"not_member\","
        + "\"message\":\"not a member of conversation 42\",\"retryable\":false}}",
        "r42", ErrorFrame.of(ErrorCode.NOT_MEMBER, "not a member of conversation 42"));
  }

  @Test
  void messageNewWithMediaAndReactions() {
    Message message = new Message(C42, 1032, UserId.of(7), "k1", MessageKind.IMAGE, "",
        new Attachment("cat.jpg", "image/jpeg", 48213, 1024, 768, 0, "/media/9f/cat.jpg", ""), "", 0, null,
        List.of(), List.of(new Reaction("👍", List.of(UserId.of(3), UserId.of(9)))), 1_764_115_260_000L, 0, false);
    assertServerWire("{\"v\":1,\"type\":\"message.new\",\"data\":{\"message\":{\"conversationId\":42,\"seq\":1032,"
        + "\"senderId\":7,\"clientId\":\"k1\",\"kind\":\"image\",\"text\":\"\",\"attachment\":{\"name\":\"cat.jpg\","
        + "\"mimeType\":\"image/jpeg\",\"sizeBytes\":48213,\"width\":1024,\"height\":768,"
        + "\"url\":\"/media/9f/cat.jpg\"},\"reactions\":[{\"emoji\":\"👍\",\"users\":[3,9]}],"
        + "\"sentAtMillis\":1764115260000}}}", null, new MessageNew(message));
  }

  @Test
  void syncBatchEventsAreTypeAndDataOnly() {
    SyncBatch batch = new SyncBatch(List.of(new MessageHidden(C42, 5),
        new MemberChanged(C42, UserId.of(9), null, MemberChange.REMOVED)), SyncToken.of(1_000_000, 3), true);
    assertServerWire("{\"v\":1,\"type\":\"sync.batch\",\"id\":\"s1\",\"data\":{\"events\":["
        + "{\"type\":\"message.hidden\",\"data\":{\"conversationId\":42,\"seq\":5}},"
        + "{\"type\":\"member.changed\",\"data\":{\"conversationId\":42,\"userId\":9,\"change\":\"removed\"}}],"
        + "\"syncToken\":\"1.lfls.3\",\"hasMore\":true}}", "s1", batch);
  }
}
