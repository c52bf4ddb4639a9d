package io.senchat.domain.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.senchat.domain.common.ChatException;
import io.senchat.domain.common.ErrorCode;
import io.senchat.domain.conversation.ConversationId;
import io.senchat.domain.conversation.MemberState;
import io.senchat.domain.message.Mention;
import io.senchat.domain.message.OutgoingMessage;
import io.senchat.domain.protocol.ClientFrame.EditMessage;
import io.senchat.domain.protocol.ClientFrame.Ping;
import io.senchat.domain.protocol.ClientFrame.SendMessage;
import io.senchat.domain.protocol.ServerFrame.ErrorFrame;
import io.senchat.domain.protocol.ServerFrame.MemberStateChanged;
import io.senchat.domain.protocol.ServerFrame.MessageHidden;
import io.senchat.domain.protocol.ServerFrame.SyncBatch;
import io.senchat.domain.user.UserId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Decoding rules of the envelope and the fields, and the exact frame size limits. */
class ProtocolCodecTest {

  private static FrameException clientRejects(String text) {
    return assertThrows(FrameException.class, () -> ProtocolCodec.decodeClient(text), text);
  }

  private static FrameException serverRejects(String text) {
    return assertThrows(FrameException.class, () -> ProtocolCodec.decodeServer(text), text);
  }

  @Test
  void decodesAMinimalFrame() {
    assertEquals(Inbound.of(new Ping()), ProtocolCodec.decodeClient("{\"v\":1,\"type\":\"ping\"}"));
    assertEquals(new Inbound("r1", new Ping()),
        ProtocolCodec.decodeClient("{\"data\":null,\"id\":\"r1\",\"type\":\"ping\",\"v\":1}"));
  }

  @Test
  void ignoresUnknownMembersEverywhere() {
    Inbound inbound = ProtocolCodec.decodeClient("{\"v\":1,\"type\":\"message.edit\",\"id\":\"r9\",\"x\":[1],"
        + "\"data\":{\"conversationId\":5,\"seq\":3,\"text\":\"@all hi\",\"future\":{\"a\":1},"
        + "\"mentions\":[{\"userId\":null,\"start\":0,\"length\":4,\"kind\":\"all\"}]}}");
    assertEquals(new Inbound("r9", new EditMessage(ConversationId.of(5), 3, "@all hi", List.of(Mention.all(0, 4)))),
        inbound);
  }

  @Test
  void optionalMembersMayBeNull() {
    Inbound inbound = ProtocolCodec.decodeClient("{\"v\":1,\"type\":\"message.send\",\"data\":{"
        + "\"conversationId\":5,\"clientId\":\"c1\",\"kind\":\"text\",\"text\":\"hi\",\"attachment\":null,"
        + "\"stickerId\":null,\"replyToSeq\":null,\"forwarded\":null,\"mentions\":null}}");
    assertEquals(new SendMessage(OutgoingMessage.text(ConversationId.of(5), "c1", "hi")), inbound.frame());
  }

  @Test
  void errorsNameTheFieldAndEchoTheRequestId() {
    FrameException e = clientRejects("{\"v\":1,\"type\":\"message.send\",\"id\":\"r42\",\"data\":{}}");
    assertEquals(ErrorCode.BAD_FRAME, e.code());
    assertEquals("r42", e.requestId());
    assertEquals("data.conversationId: missing", e.getMessage());

    e = clientRejects("{\"v\":1,\"type\":\"message.edit\",\"id\":\"r1\",\"data\":{\"conversationId\":5,"
        + "\"seq\":3,\"text\":\"x\",\"mentions\":[{\"userId\":7,\"start\":0,\"length\":\"4\"}]}}");
    assertEquals("data.mentions[0].length: must be an integer, not string", e.getMessage());

    e = clientRejects("{\"v\":1,\"type\":\"receipt.mark\",\"data\":{\"marks\":[{\"conversationId\":5}]}}");
    assertEquals("data.marks[0]: deliveredSeq, readSeq: at least one must be positive", e.getMessage());
    assertNull(e.requestId());
  }

  @Test
  void envelopeErrors() {
    assertEquals(ErrorCode.BAD_JSON, clientRejects("{\"v\":1,").code());
    assertEquals(ErrorCode.BAD_FRAME, clientRejects("[]").code());
    assertEquals(ErrorCode.BAD_FRAME, clientRejects("{\"type\":\"ping\"}").code());
    assertEquals(ErrorCode.BAD_FRAME, clientRejects("{\"v\":\"1\",\"type\":\"ping\"}").code());
    assertEquals(ErrorCode.BAD_FRAME, clientRejects("{\"v\":1.0,\"type\":\"ping\"}").code());
    assertEquals(ErrorCode.BAD_FRAME, clientRejects("{\"v\":1}").code());
    assertEquals(ErrorCode.BAD_FRAME, clientRejects("{\"v\":1,\"type\":7}").code());
    assertEquals(ErrorCode.BAD_FRAME, clientRejects("{\"v\":1,\"type\":\"ping\",\"data\":[]}").code());

    FrameException version = clientRejects("{\"v\":2,\"type\":\"ping\",\"id\":\"a\"}");
    assertEquals(ErrorCode.UNSUPPORTED_VERSION, version.code());
    assertEquals("a", version.requestId());
    assertEquals(ErrorCode.UNSUPPORTED_VERSION, serverRejects("{\"v\":0,\"type\":\"pong\"}").code());

    FrameException unknown = clientRejects("{\"v\":1,\"type\":\"welcome\",\"id\":\"b\"}");
    assertEquals(ErrorCode.UNKNOWN_TYPE, unknown.code());
    assertEquals("b", unknown.requestId());
    assertEquals(ErrorCode.UNKNOWN_TYPE, serverRejects("{\"v\":1,\"type\":\"ping\"}").code());
  }

  @Test
  void requestIdsMustBeShortSafeTokens() {
    assertEquals("A-z.0_9:x", ProtocolCodec.decodeClient("{\"v\":1,\"type\":\"ping\",\"id\":\"A-z.0_9:x\"}")
        .requestId());
    String longest = "r".repeat(64);
    assertEquals(longest, ProtocolCodec.decodeClient("{\"v\":1,\"type\":\"ping\",\"id\":\"" + longest + "\"}")
        .requestId());
    for (String bad : List.of("\"\"", "\"a b\"", "\"" + "r".repeat(65) + "\"", "42", "\"é\"", "\"a/b\"")) {
      FrameException e = clientRejects("{\"v\":1,\"type\":\"ping\",\"id\":" + bad + "}");
      assertEquals(ErrorCode.BAD_FRAME, e.code());
      assertNull(e.requestId());
    }
    assertThrows(IllegalArgumentException.class, () -> ProtocolCodec.encodeClient("a b", new Ping()));
  }

  @Test
  void integersMustBeWrittenAsJavaScriptSafeIntegers() {
    String template = "{\"v\":1,\"type\":\"message.delete\",\"data\":{\"conversationId\":%s,\"seq\":1,"
        + "\"scope\":\"me\"}}";
    assertEquals(ConversationId.of(9_007_199_254_740_991L),
        ((ClientFrame.DeleteMessage) ProtocolCodec.decodeClient(template.replace("%s", "9007199254740991"))
            .frame()).conversationId());
    for (String bad : List.of("9007199254740992", "1.0", "1e2", "-1", "0", "\"5\"", "true", "99999999999999999999")) {
      FrameException e = clientRejects(template.replace("%s", bad));
      assertEquals(ErrorCode.BAD_FRAME, e.code(), bad);
      assertTrue(e.getMessage().startsWith("data.conversationId: "), e.getMessage());
    }
    MessageHidden tooBig = new MessageHidden(ConversationId.of(9_007_199_254_740_992L), 1);
    assertThrows(IllegalArgumentException.class, () -> ProtocolCodec.encodeServer(null, tooBig));
  }

  @Test
  void mentionMustSayWhomItMentions() {
    String template = "{\"v\":1,\"type\":\"message.edit\",\"data\":{\"conversationId\":5,\"seq\":3,\"text\":\"@all\","
        + "\"mentions\":[{%s\"start\":0,\"length\":4}]}}";
    EditMessage all = (EditMessage) ProtocolCodec.decodeClient(template.replace("%s", "\"userId\":null,")).frame();
    assertEquals(List.of(Mention.all(0, 4)), all.mentions());
    FrameException e = clientRejects(template.replace("%s", ""));
    assertEquals("data.mentions[0].userId: missing (use null for @all)", e.getMessage());
  }

  @Test
  void enumsAreLowerCaseWireNames() {
    FrameException e = clientRejects("{\"v\":1,\"type\":\"message.delete\",\"data\":{\"conversationId\":5,"
        + "\"seq\":1,\"scope\":\"ME\"}}");
    assertEquals("data.scope: must be one of me, everyone, not \"ME\"", e.getMessage());
  }

  @Test
  void formatRulesOfCommands() {
    FrameException blankClientId = clientRejects("{\"v\":1,\"type\":\"message.send\",\"data\":{"
        + "\"conversationId\":5,\"clientId\":\"\",\"kind\":\"text\",\"text\":\"hi\"}}");
    assertEquals(ErrorCode.BAD_FRAME, blankClientId.code());
    assertEquals("data.clientId: must be 1..64 characters of [A-Za-z0-9_-]", blankClientId.getMessage());
    assertEquals(ErrorCode.BAD_FRAME, clientRejects("{\"v\":1,\"type\":\"history\",\"data\":{"
        + "\"conversationId\":5,\"direction\":\"around\",\"seq\":0,\"limit\":10}}").code());
    assertEquals(ErrorCode.BAD_FRAME, clientRejects("{\"v\":1,\"type\":\"history\",\"data\":{"
        + "\"conversationId\":5,\"direction\":\"before\",\"seq\":0,\"limit\":201}}").code());
    assertEquals(ErrorCode.BAD_FRAME, clientRejects("{\"v\":1,\"type\":\"sync\",\"data\":{"
        + "\"syncToken\":\"1.0.0\",\"limit\":0}}").code());
    assertEquals(ErrorCode.BAD_FRAME, clientRejects("{\"v\":1,\"type\":\"sync\",\"data\":{"
        + "\"syncToken\":\"garbage\",\"limit\":10}}").code());
    assertEquals(ErrorCode.BAD_FRAME, clientRejects("{\"v\":1,\"type\":\"hello\",\"data\":{"
        + "\"token\":\"has space\"}}").code());
    assertEquals(ErrorCode.BAD_FRAME, clientRejects("{\"v\":1,\"type\":\"message.react\",\"data\":{"
        + "\"conversationId\":5,\"seq\":1,\"emoji\":\"\",\"on\":true}}").code());
    String users = "1,".repeat(ProtocolLimits.MAX_WATCHED_USERS);
    assertEquals(ErrorCode.BAD_FRAME, clientRejects("{\"v\":1,\"type\":\"presence.watch\",\"data\":{"
        + "\"userIds\":[" + users + "1]}}").code());
    ProtocolCodec.decodeClient("{\"v\":1,\"type\":\"presence.watch\",\"data\":{\"userIds\":["
        + users.substring(0, users.length() - 1) + "]}}");
  }

  @Test
  void syncBatchSkipsEventTypesItDoesNotKnow() {
    Outbound outbound = ProtocolCodec.decodeServer("{\"v\":1,\"type\":\"sync.batch\",\"data\":{\"events\":["
        + "{\"type\":\"poll.created\",\"data\":{\"whatever\":1}},"
        + "{\"type\":\"message.hidden\",\"data\":{\"conversationId\":5,\"seq\":2}}],"
        + "\"syncToken\":\"1.a.0\",\"hasMore\":false}}");
    assertEquals(new SyncBatch(List.of(new MessageHidden(ConversationId.of(5), 2)), SyncToken.of(10, 0), false),
        outbound.frame());

    FrameException e = serverRejects("{\"v\":1,\"type\":\"sync.batch\",\"data\":{\"events\":["
        + "{\"type\":\"pong\"}],\"syncToken\":\"1.a.0\",\"hasMore\":false}}");
    assertEquals("data.events[0].type: \"pong\" is not a feed event", e.getMessage());
    e = serverRejects("{\"v\":1,\"type\":\"sync.batch\",\"data\":{\"events\":["
        + "{\"type\":\"message.hidden\",\"data\":{\"conversationId\":5,\"seq\":0}}],\"syncToken\":\"1.a.0\","
        + "\"hasMore\":false}}");
    assertEquals("data.events[0].data.seq: must be positive", e.getMessage());
  }

  @Test
  void mutedForeverTravelsAsTheLargestSafeInteger() {
    MemberState state = new MemberState(ConversationId.of(1), UserId.of(2), false, MemberState.MUTED_FOREVER, false,
        false, 0, 0, 0);
    String text = ProtocolCodec.encodeServer(null, new MemberStateChanged(state));
    assertTrue(text.contains("\"mutedUntilMillis\":9007199254740991"), text);
    assertEquals(new MemberStateChanged(state), ProtocolCodec.decodeServer(text).frame());
  }

  @Test
  void errorFramesToleranceForUnknownCodes() {
    ErrorFrame frame = (ErrorFrame) ProtocolCodec.decodeServer("{\"v\":1,\"type\":\"error\",\"id\":\"r1\","
        + "\"data\":{\"code\":\"quota_exceeded\",\"message\":\"later\",\"retryable\":true}}").frame();
    assertNull(frame.errorCode());
    assertTrue(frame.retryable());

    ErrorFrame known = ErrorFrame.of(new ChatException(ErrorCode.NOT_MEMBER, "not a member of c5"));
    assertEquals(new ErrorFrame("not_member", "not a member of c5", false), known);
    assertEquals(ErrorCode.NOT_MEMBER, known.errorCode());
    assertEquals(1000, ErrorFrame.of(ErrorCode.INTERNAL, "x".repeat(5000)).message().length());
    assertEquals(999, ErrorFrame.of(ErrorCode.INTERNAL, "x".repeat(999) + "😀".repeat(10)).message().length());
  }

  @Test
  void clientFrameOfExactlyTheLimitPassesAndOneMoreCharacterIsTooLarge() {
    String empty = ProtocolCodec.encodeClient("r1", send(""));
    String text = "a".repeat(ProtocolLimits.MAX_CLIENT_FRAME_CHARS - empty.length());
    String atLimit = ProtocolCodec.encodeClient("r1", send(text));
    assertEquals(ProtocolLimits.MAX_CLIENT_FRAME_CHARS, atLimit.length());
    assertEquals(send(text), ProtocolCodec.decodeClient(atLimit).frame());

    FrameException e = clientRejects(atLimit + " ");
    assertEquals(ErrorCode.TOO_LARGE, e.code());
    ChatException encode = assertThrows(ChatException.class, () -> ProtocolCodec.encodeClient("r1", send(text + "a")));
    assertEquals(ErrorCode.TOO_LARGE, encode.code());
    // Escaping counts: a '<' costs six characters on the wire.
    assertEquals(ErrorCode.TOO_LARGE, assertThrows(ChatException.class,
        () -> ProtocolCodec.encodeClient("r1", send(text.substring(1) + "<"))).code());
  }

  @Test
  void serverFrameOfExactlyTheLimitPassesAndOneMoreCharacterIsTooLarge() {
    String empty = ProtocolCodec.encodeServer(null, error(""));
    String message = "m".repeat(ProtocolLimits.MAX_SERVER_FRAME_CHARS - empty.length());
    String atLimit = ProtocolCodec.encodeServer(null, error(message));
    assertEquals(ProtocolLimits.MAX_SERVER_FRAME_CHARS, atLimit.length());
    assertEquals(error(message), ProtocolCodec.decodeServer(atLimit).frame());
    assertEquals(ErrorCode.TOO_LARGE, serverRejects(" " + atLimit).code());
    assertEquals(ErrorCode.TOO_LARGE,
        assertThrows(ChatException.class, () -> ProtocolCodec.encodeServer(null, error(message + "m"))).code());
    // A server frame is far over the client frame limit: the server refuses it from a client.
    assertEquals(ErrorCode.TOO_LARGE, clientRejects(atLimit).code());
  }

  private static SendMessage send(String text) {
    return new SendMessage(OutgoingMessage.text(ConversationId.of(5), "c1", text));
  }

  private static ErrorFrame error(String message) {
    return new ErrorFrame("internal", message, true);
  }
}
