package io.senchat.transport.longpoll.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.senchat.domain.common.ChatException;
import io.senchat.domain.common.ErrorCode;
import io.senchat.domain.transport.CloseReason;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The translatable wire rules, on the JVM. */
class LongPollSharedTest {

  @Test
  void urlsJoinBaseAndPathWithOneSlash() {
    assertEquals("http://h:8080/poll", LongPollUrls.endpoint("http://h:8080/", "/poll"));
    assertEquals("https://h/app/poll", LongPollUrls.endpoint(" HTTPS://h/app// ", "poll/"));
    assertEquals("http://h/poll/open", LongPollUrls.open(LongPollUrls.endpoint("http://h", "/poll")));
    assertEquals("http://h/poll/s1?ack=7", LongPollUrls.poll("http://h/poll", "s1", 7));
    for (String bad : List.of("ws://h", "h", "http://", "http:///x", "http://h?q", "http://h#f")) {
      assertThrows(IllegalArgumentException.class, () -> LongPollUrls.endpoint(bad, "/poll"), bad);
    }
  }

  @Test
  void sessionIdsAreSafePathSegments() {
    assertTrue(LongPollUrls.isSessionId("Ab0-_z"));
    assertFalse(LongPollUrls.isSessionId("open"));
    assertFalse(LongPollUrls.isSessionId(""));
    assertFalse(LongPollUrls.isSessionId("a/b"));
    assertFalse(LongPollUrls.isSessionId("a".repeat(65)));
  }

  @Test
  void batchesRoundTripWithFramesAsStrings() {
    PollBatch batch = new PollBatch(12, List.of("{\"v\":1,\"type\":\"pong\"}", "<é😀\u2028>"),
        CloseReason.SLOW_CONSUMER);
    String json = batch.encode();
    assertTrue(json.startsWith("{\"cursor\":12,\"frames\":[\"{\\\"v\\\":1"), json);
    assertEquals(batch, PollBatch.parse(json, 10_000));
    assertEquals(11, batch.firstNumber());
    assertEquals(new PollBatch(0, List.of(), null), PollBatch.parse("{\"cursor\":0,\"frames\":[]}", 100));
    assertEquals(new CloseReason(4100, "custom"),
        PollBatch.parse("{\"cursor\":0,\"frames\":[],\"close\":{\"code\":4100,\"reason\":\"custom\"}}", 200).close());
  }

  @Test
  void malformedBatchesAreRefusedWithCodes() {
    assertEquals(ErrorCode.BAD_JSON, code(() -> PollBatch.parse("{", 100)));
    assertEquals(ErrorCode.BAD_FRAME, code(() -> PollBatch.parse("{\"cursor\":1,\"frames\":[1]}", 100)));
    assertEquals(ErrorCode.BAD_FRAME, code(() -> PollBatch.parse("{\"cursor\":0,\"frames\":[\"a\"]}", 100)));
    assertEquals(ErrorCode.BAD_FRAME, code(() -> PollBatch.parse("{\"frames\":[]}", 100)));
    assertEquals(ErrorCode.TOO_LARGE, code(() -> PollBatch.parse("{\"cursor\":0,\"frames\":[]}", 10)));
  }

  @Test
  void upstreamBatchesAreArraysOfStringsWithinBounds() {
    List<String> frames = List.of("{\"v\":1}", "two \"quoted\"");
    assertEquals(frames, UpstreamBatch.parse(UpstreamBatch.encode(frames), 1000, 10, 100));
    assertEquals(ErrorCode.BAD_JSON, code(() -> UpstreamBatch.parse("[\"a\"", 1000, 10, 100)));
    assertEquals(ErrorCode.BAD_FRAME, code(() -> UpstreamBatch.parse("{}", 1000, 10, 100)));
    assertEquals(ErrorCode.BAD_FRAME, code(() -> UpstreamBatch.parse("[]", 1000, 10, 100)));
    assertEquals(ErrorCode.BAD_FRAME, code(() -> UpstreamBatch.parse("[{\"v\":1}]", 1000, 10, 100)));
    assertEquals(ErrorCode.TOO_LARGE, code(() -> UpstreamBatch.parse("[\"a\",\"b\",\"c\"]", 1000, 2, 100)));
    assertEquals(ErrorCode.TOO_LARGE, code(() -> UpstreamBatch.parse("[\"abcd\"]", 1000, 2, 3)));
    assertEquals(ErrorCode.TOO_LARGE, code(() -> UpstreamBatch.parse("[\"abcd\"]", 5, 2, 10)));
  }

  @Test
  void theCursorHandsEachFrameOnOnceAndRefusesGaps() {
    InboundCursor cursor = new InboundCursor();
    assertEquals(List.of("a", "b"), cursor.accept(new PollBatch(2, List.of("a", "b"), null)));
    assertEquals(2, cursor.ack());
    assertEquals(List.of(), cursor.accept(new PollBatch(2, List.of("a", "b"), null)), "a replay");
    assertEquals(List.of("c"), cursor.accept(new PollBatch(3, List.of("b", "c"), null)), "an overlap");
    assertEquals(List.of(), cursor.accept(new PollBatch(1, List.of(), null)), "an older empty batch");
    assertEquals(3, cursor.ack());
    assertThrows(IllegalStateException.class, () -> cursor.accept(new PollBatch(6, List.of("f"), null)));
  }

  @Test
  void openAnswersRoundTrip() {
    OpenAnswer answer = new OpenAnswer("abc_DEF-1", 25_000, 100);
    assertEquals(answer, OpenAnswer.parse(answer.encode()));
    assertEquals(ErrorCode.BAD_FRAME, code(() -> OpenAnswer.parse("{\"sid\":\"open\",\"pollTimeoutMillis\":1,"
        + "\"maxFramesPerPost\":1}")));
  }

  @Test
  void statusesMapLikeTheWebSocketsHandshake() {
    assertEquals(CloseReason.UNAUTHENTICATED, LongPollCloseCodes.fromOpenStatus(401));
    assertEquals(CloseReason.UNAUTHENTICATED, LongPollCloseCodes.fromOpenStatus(403));
    assertEquals(CloseReason.GOING_AWAY, LongPollCloseCodes.fromOpenStatus(503));
    assertEquals(CloseReason.ABNORMAL, LongPollCloseCodes.fromOpenStatus(500));
    assertEquals(CloseReason.ABNORMAL, LongPollCloseCodes.fromSessionStatus(404));
    assertEquals(CloseReason.TOO_LARGE, LongPollCloseCodes.fromSessionStatus(413));
    assertEquals(CloseReason.PROTOCOL_ERROR, LongPollCloseCodes.fromSessionStatus(400));
  }

  private static ErrorCode code(Runnable action) {
    try {
      action.run();
    } catch (ChatException e) {
      return e.code();
    }
    throw new AssertionError("no ChatException");
  }
}
