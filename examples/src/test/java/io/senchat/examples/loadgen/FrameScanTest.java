package io.senchat.examples.loadgen;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.senchat.domain.conversation.ConversationId;
import io.senchat.domain.message.Forwarded;
import io.senchat.domain.message.Message;
import io.senchat.domain.message.MessageKind;
import io.senchat.domain.message.MessageRef;
import io.senchat.domain.protocol.ProtocolCodec;
import io.senchat.domain.protocol.ServerFrame.Ack;
import io.senchat.domain.protocol.ServerFrame.MessageNew;
import io.senchat.domain.user.UserId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The raw-frame scan must read exactly what a full decode of the server's encoding reads. */
class FrameScanTest {

  private static Message message(long conversation, long seq, long sender, String text, Forwarded forwarded) {
    return new Message(ConversationId.of(conversation), seq, UserId.of(sender), "c-1", MessageKind.TEXT, text, null,
        "", 0, forwarded, List.of(), List.of(), 1_764_115_201_250L, 0, false);
  }

  @Test
  void readsTheKeyOfAnEncodedMessageNew() {
    String frame = ProtocolCodec.encodeServer(null, new MessageNew(message(42, 1031, 7, "lg:-5:12", null)));
    assertArrayEquals(new long[] {42, 1031, 7}, scan(frame));
  }

  @Test
  void isNotFooledByKeysInsideTheTextOrAForwardedOrigin() {
    String text = "{\"seq\":1,\"senderId\":2,\"type\":\"message.new\",\"conversationId\":3}";
    Forwarded forwarded = new Forwarded(new MessageRef(ConversationId.of(9), 99), UserId.of(8));
    String frame = ProtocolCodec.encodeServer(null, new MessageNew(message(5, 6, 7, text, forwarded)));
    assertArrayEquals(new long[] {5, 6, 7}, scan(frame));
  }

  @Test
  void leavesOtherFramesAlone() {
    String ack = ProtocolCodec.encodeServer("r1", Ack.forSend(message(5, 6, 7, "x", null)));
    assertFalse(FrameScan.isMessageNew(ack));
    assertNull(scan(ack));
    assertNull(scan("{\"v\":1,\"type\":\"message.new\",\"data\":{}}"));
    assertTrue(FrameScan.isMessageNew("{\"v\":1,\"type\":\"message.new\",\"data\":{}}"));
  }

  private static long[] scan(String frame) {
    long[] key = new long[3];
    return FrameScan.messageNew(frame, key) ? key : null;
  }

  @Test
  void stampsRoundTrip() {
    String text = LoadClient.MARKER + (-123L) + ":" + 456L;
    assertEquals(LoadClient.ORIGIN_NANOS - 123L, LoadClient.dueNanos(text));
    assertEquals(LoadClient.ORIGIN_NANOS + 456L, LoadClient.sentNanos(text));
    assertEquals(Long.MIN_VALUE, LoadClient.sentNanos("lg:1:"));
    assertEquals(Long.MIN_VALUE, LoadClient.sentNanos("hello"));
    assertEquals(Long.MIN_VALUE, LoadClient.sentNanos("lg:12"));
    assertEquals(Long.MIN_VALUE, LoadClient.dueNanos("lg:x:1"));
  }
}
