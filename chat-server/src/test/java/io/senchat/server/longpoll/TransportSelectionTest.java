package io.senchat.server.longpoll;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.senchat.server.longpoll.ServerUnderTest.Answer;
import org.junit.jupiter.api.Test;

/** {@code --transports} mounts what it says: a mounted transport refuses a tokenless client with 401 JSON. */
class TransportSelectionTest {

  @Test
  void defaultMountsBothLongpollOnlyAndWsOnlyMountOne() {
    try (ServerUnderTest both = ServerUnderTest.start()) {
      assertMounted(both, true, true);
    }
    try (ServerUnderTest longPoll = ServerUnderTest.start("--transports", "longpoll")) {
      assertMounted(longPoll, false, true);
    }
    try (ServerUnderTest webSocket = ServerUnderTest.start("--transports", "ws")) {
      assertMounted(webSocket, true, false);
    }
  }

  private static void assertMounted(ServerUnderTest server, boolean ws, boolean longPoll) {
    Answer wsAnswer = server.call("GET", "/ws", null, null);
    Answer pollAnswer = server.call("POST", "/poll/open", null, null);
    assertEquals(ws, isRefusal(wsAnswer), "ws: " + wsAnswer);
    assertEquals(longPoll, isRefusal(pollAnswer), "longpoll: " + pollAnswer);
    if (longPoll) {
      assertTrue(pollAnswer.body().contains("\"code\":\"unauthenticated\""), pollAnswer.body());
    }
  }

  private static boolean isRefusal(Answer answer) {
    return answer.status() == 401 && answer.body().startsWith("{\"code\":\"unauthenticated\"");
  }
}
