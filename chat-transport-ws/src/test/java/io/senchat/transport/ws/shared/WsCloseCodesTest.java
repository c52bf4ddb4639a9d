package io.senchat.transport.ws.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.senchat.domain.transport.CloseReason;
import org.junit.jupiter.api.Test;

class WsCloseCodesTest {

  @Test
  void knownCodesMapToTheirConstantsWhateverTheText() {
    assertSame(CloseReason.NORMAL, WsCloseCodes.fromCode(1000, ""));
    assertSame(CloseReason.GOING_AWAY, WsCloseCodes.fromCode(1001, "bye"));
    assertSame(CloseReason.PROTOCOL_ERROR, WsCloseCodes.fromCode(1002, "x"));
    assertSame(CloseReason.ABNORMAL, WsCloseCodes.fromCode(1006, ""));
    assertSame(CloseReason.TOO_LARGE, WsCloseCodes.fromCode(1009, "UT002025: message too big"));
    assertSame(CloseReason.UNAUTHENTICATED, WsCloseCodes.fromCode(4001, "unauthenticated"));
    assertSame(CloseReason.FORBIDDEN_ORIGIN, WsCloseCodes.fromCode(4003, ""));
    assertSame(CloseReason.SLOW_CONSUMER, WsCloseCodes.fromCode(4008, ""));
    assertSame(CloseReason.HEARTBEAT_TIMEOUT, WsCloseCodes.fromCode(4009, ""));
  }

  @Test
  void unknownCodesKeepThePeersText() {
    assertEquals(new CloseReason(4100, "replaced"), WsCloseCodes.fromCode(4100, "replaced"));
    assertEquals(new CloseReason(1011, ""), WsCloseCodes.fromCode(1011, null));
    assertTrue(WsCloseCodes.fromCode(1011, "").shouldReconnect());
  }

  @Test
  void refusedHandshakesAreUnauthenticatedOnlyFor401And403() {
    assertSame(CloseReason.UNAUTHENTICATED, WsCloseCodes.fromHandshakeStatus(401));
    assertSame(CloseReason.UNAUTHENTICATED, WsCloseCodes.fromHandshakeStatus(403));
    assertSame(CloseReason.ABNORMAL, WsCloseCodes.fromHandshakeStatus(503));
    assertSame(CloseReason.ABNORMAL, WsCloseCodes.fromHandshakeStatus(404));
  }

  @Test
  void clientsMaySendOnly1000AndTheApplicationRange() {
    assertTrue(WsCloseCodes.clientMaySend(1000));
    assertTrue(WsCloseCodes.clientMaySend(4008));
    assertFalse(WsCloseCodes.clientMaySend(1009));
    assertFalse(WsCloseCodes.clientMaySend(1001));
    assertFalse(WsCloseCodes.clientMaySend(5000));
  }
}
