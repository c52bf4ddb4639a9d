package io.senchat.domain.client;

import static io.senchat.domain.client.ClientHarness.HEARTBEAT_MILLIS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.senchat.domain.protocol.ClientFrame;
import io.senchat.domain.protocol.ServerFrame;
import io.senchat.domain.protocol.ServerFrame.TypingEvent;
import io.senchat.domain.transport.CloseReason;
import org.junit.jupiter.api.Test;

class HeartbeatTest {

  private static final long PONG_TIMEOUT = ClientOptions.DEFAULT_PONG_TIMEOUT_MILLIS;

  private static void pong(FakeTransport transport) {
    transport.deliver(transport.lastSent(ClientFrame.Ping.TYPE).requestId(), new ServerFrame.Pong());
  }

  @Test
  void anIdleConnectionIsPingedAtTheServersHeartbeatInterval() {
    ClientHarness h = new ClientHarness();
    FakeTransport transport = h.connect();
    h.time.advance(HEARTBEAT_MILLIS - 1);
    assertEquals(0, transport.sent(ClientFrame.Ping.TYPE).size());
    h.time.advance(1);
    assertEquals(1, transport.sent(ClientFrame.Ping.TYPE).size());
    h.time.advance(50);
    pong(transport);

    h.time.advance(HEARTBEAT_MILLIS - 51);
    assertEquals(1, transport.sent(ClientFrame.Ping.TYPE).size());
    h.time.advance(1);
    assertEquals(2, transport.sent(ClientFrame.Ping.TYPE).size(), "the next one a heartbeat after the last");
  }

  @Test
  void pingsContinueWhileAnswered() {
    ClientHarness h = new ClientHarness();
    FakeTransport transport = h.connect();
    for (int i = 1; i <= 5; i++) {
      h.time.advance(HEARTBEAT_MILLIS);
      assertEquals(i, transport.sent(ClientFrame.Ping.TYPE).size());
      pong(transport);
    }
    assertEquals(ConnectionState.ONLINE, h.client().status().state());
  }

  @Test
  void sendingDoesNotStopPingsWhenTheServerIsSilent() {
    // Sending every few seconds does not prove the server is there: silence from it still gets probed.
    ClientHarness h = new ClientHarness();
    FakeTransport transport = h.connect();
    for (int i = 0; i < 5; i++) {
      h.time.advance(5_000);
      h.client().typing(ClientHarness.CONV);
    }
    assertEquals(1, transport.sent(ClientFrame.Ping.TYPE).size());
  }

  @Test
  void aSocketThatStopsAnsweringIsDetectedAndReplaced() {
    ClientHarness h = new ClientHarness();
    FakeTransport transport = h.connect();
    h.time.advance(HEARTBEAT_MILLIS);
    assertEquals(1, transport.sent(ClientFrame.Ping.TYPE).size());
    h.time.advance(PONG_TIMEOUT - 1);
    assertFalse(transport.closedByClient());
    h.time.advance(1);

    assertTrue(transport.closedByClient(), "no close event ever came: the client closes it itself");
    assertEquals(ConnectionState.RECONNECTING, h.client().status().state());
    assertEquals(CloseReason.HEARTBEAT_TIMEOUT, h.client().status().lastClose());
    h.reconnect();
    assertEquals(ConnectionState.ONLINE, h.client().status().state());
  }

  @Test
  void anyFrameAnswersAPing() {
    ClientHarness h = new ClientHarness();
    FakeTransport transport = h.connect();
    h.time.advance(HEARTBEAT_MILLIS);
    h.time.advance(3_000);
    transport.deliverEvent(new TypingEvent(ClientHarness.CONV, ClientHarness.OTHER, true));
    h.time.advance(PONG_TIMEOUT);
    assertFalse(transport.closedByClient());
    assertEquals(ConnectionState.ONLINE, h.client().status().state());
  }

  @Test
  void aHostThatSleptIsProbedAgainInsteadOfDeclaredDead() {
    ClientHarness h = new ClientHarness();
    FakeTransport transport = h.connect();
    h.time.advance(HEARTBEAT_MILLIS);
    assertEquals(1, transport.sent(ClientFrame.Ping.TYPE).size());

    // The laptop lid closes right after the ping; timers and socket events stop for ten minutes.
    h.time.sleep(600_000);
    h.time.runDue();
    assertFalse(transport.closedByClient(), "ten minutes of silence while asleep prove nothing");
    assertEquals(2, transport.sent(ClientFrame.Ping.TYPE).size(), "a fresh probe instead");

    h.time.advance(200);
    pong(transport);
    h.time.advance(PONG_TIMEOUT * 3);
    assertEquals(ConnectionState.ONLINE, h.client().status().state());
  }

  @Test
  void throttledTimersStillDetectADeadSocketWithinTwoPeriods() {
    ClientHarness h = new ClientHarness();
    FakeTransport transport = h.connect();
    h.time.advance(HEARTBEAT_MILLIS);
    // A background tab: every timer fires up to a minute late, and the socket died without a close event.
    h.time.sleep(60_000);
    h.time.runDue();
    assertFalse(transport.closedByClient());
    h.time.sleep(60_000);
    h.time.runDue();
    assertTrue(transport.closedByClient(), "the re-probe went unanswered across a whole period");
  }

  @Test
  void throttledTimersDoNotKillAnAnsweringSocket() {
    ClientHarness h = new ClientHarness();
    FakeTransport transport = h.connect();
    for (int i = 0; i < 10; i++) {
      // Socket events still flow in a background tab: the pong comes at once, the timers a minute late.
      h.time.sleep(60_000);
      h.time.runDue();
      pong(transport);
    }
    assertFalse(transport.closedByClient());
    assertEquals(ConnectionState.ONLINE, h.client().status().state());
  }

  @Test
  void aLateTimerDoesNotTurnAPendingRequestIntoATimeout() {
    ClientHarness h = new ClientHarness();
    FakeTransport transport = h.connect();
    h.client().send(ClientHarness.outgoing("c1"));
    h.time.sleep(ClientOptions.DEFAULT_REQUEST_TIMEOUT_MILLIS + 60_000);
    h.time.runDue();
    assertFalse(transport.closedByClient());
    // The ack was waiting behind the frozen event loop.
    transport.deliver(transport.lastSent(ClientFrame.SendMessage.TYPE).requestId(),
        ClientHarness.ackFor("c1", 1));
    h.time.advance(PONG_TIMEOUT * 2);
    assertFalse(transport.closedByClient());
    assertEquals(1, h.listener.acked.size());
  }

  @Test
  void networkOnlineProbesAConnectionThatMayHaveDiedWithTheOldNetwork() {
    ClientHarness h = new ClientHarness();
    FakeTransport transport = h.connect();
    h.time.advance(1_000);
    h.client().networkOnline();
    assertEquals(1, transport.sent(ClientFrame.Ping.TYPE).size());
    h.time.advance(PONG_TIMEOUT);
    assertTrue(transport.closedByClient(), "found dead in ten seconds rather than after a heartbeat period");
  }

  @Test
  void networkOnlineOnABrokenTransportReconnects() {
    ClientHarness h = new ClientHarness();
    FakeTransport transport = h.connect();
    transport.refuseSends = true;
    h.client().networkOnline();
    assertEquals(ConnectionState.RECONNECTING, h.client().status().state());
  }

  @Test
  void livenessUnitVerdicts() {
    Liveness liveness = new Liveness(0, 25_000, 10_000);
    assertEquals(Liveness.Verdict.FINE, liveness.check(24_999, false, false));
    assertEquals(Liveness.Verdict.PING, liveness.check(25_000, false, false));
    liveness.probed(25_000, false);
    assertEquals(Liveness.Verdict.FINE, liveness.check(34_999, false, false));
    assertEquals(Liveness.Verdict.DEAD, liveness.check(35_000, false, false));
    assertEquals(Liveness.Verdict.REPROBE, liveness.check(90_000, true, false));
    liveness.probed(90_000, true);
    assertEquals(Liveness.Verdict.DEAD, liveness.check(150_000, true, false));
    liveness.received(150_000);
    assertEquals(Liveness.Verdict.PING, liveness.check(150_001, false, false), "nothing sent for a minute");
    liveness.sent(150_000);
    assertEquals(Liveness.Verdict.FINE, liveness.check(150_001, false, false));
    assertEquals(Liveness.Verdict.DEAD, liveness.check(150_002, false, true), "an overdue request on time");
    assertEquals(Liveness.Verdict.REPROBE, liveness.check(150_003, true, true), "an overdue request, late");
    assertEquals(175_000, liveness.nextCheckAt());
  }

  @Test
  void aClockThatGoesBackDoesNotPostponeHeartbeats() {
    Liveness liveness = new Liveness(100_000, 25_000, 10_000);
    assertEquals(Liveness.Verdict.FINE, liveness.check(50_000, false, false));
    assertEquals(Liveness.Verdict.PING, liveness.check(75_000, false, false));
  }
}
