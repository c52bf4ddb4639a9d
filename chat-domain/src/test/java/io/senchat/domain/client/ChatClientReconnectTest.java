package io.senchat.domain.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.senchat.domain.common.ErrorCode;
import io.senchat.domain.protocol.ServerFrame.ErrorFrame;
import io.senchat.domain.transport.CloseReason;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChatClientReconnectTest {

  /** Fails the newest attempt before it opens and returns the delay announced for the next one. */
  private static long failAttempt(ClientHarness h) {
    h.transport().drop(CloseReason.ABNORMAL);
    ConnectionStatus status = h.client().status();
    assertEquals(ConnectionState.RECONNECTING, status.state());
    return status.retryInMillis();
  }

  @Test
  void backoffDelaysStayShortThroughARestartThenGrowToTheCapAndResetAfterAWelcome() {
    ClientHarness h = new ClientHarness();
    h.client().start();
    List<Long> delays = new ArrayList<>();
    for (int i = 0; i < 13; i++) {
      long delay = failAttempt(h);
      delays.add(delay);
      h.time.advance(delay - 1);
      assertEquals(i + 1, h.factory.count(), "not before the delay");
      h.time.advance(1);
      assertEquals(i + 2, h.factory.count());
    }
    assertEquals(List.of(500L, 500L, 500L, 500L, 500L, 500L, // the fast phase: a restart is over within it
        1_000L, 2_000L, 4_000L, 8_000L, 16_000L, 30_000L, 30_000L), delays);

    h.transport().open();
    h.welcome(h.transport(), io.senchat.domain.protocol.SyncToken.of(1, 0));
    h.transport().drop(CloseReason.GOING_AWAY);
    assertEquals(500L, h.client().status().retryInMillis(), "a welcome resets the backoff");
  }

  @Test
  void delaysAreFullyJitteredInTheFastPhaseAndAfterIt() {
    ClientHarness h = new ClientHarness();
    h.random = 0.25;
    h.client().start();
    List<Long> delays = new ArrayList<>();
    for (int i = 0; i < 13; i++) {
      long delay = failAttempt(h);
      delays.add(delay);
      h.time.advance(delay);
    }
    assertEquals(List.of(125L, 125L, 125L, 125L, 125L, 125L, 250L, 500L, 1_000L, 2_000L, 4_000L, 7_500L, 7_500L),
        delays);
  }

  @Test
  void theStatusTellsTheDelayAndWhyTheConnectionEnded() {
    ClientHarness h = new ClientHarness();
    FakeTransport transport = h.connect();
    transport.drop(CloseReason.SLOW_CONSUMER);
    ConnectionStatus status = h.listener.lastStatus();
    assertEquals(ConnectionState.RECONNECTING, status.state());
    assertEquals(500, status.retryInMillis());
    assertEquals(CloseReason.SLOW_CONSUMER, status.lastClose());
  }

  @Test
  void aRefusedTokenIsRefreshedOnceThenTheClientGivesUp() {
    ClientHarness h = new ClientHarness();
    h.tokens = new TestTokens("expired", "fresh");
    h.client().start();
    FakeTransport first = h.transport();
    first.open();
    first.deliver(first.lastSent("hello").requestId(), ErrorFrame.of(ErrorCode.TOKEN_EXPIRED, "expired"));

    assertEquals(1, h.tokens.refreshes);
    assertEquals(2, h.factory.count(), "connects again at once with the new token");
    FakeTransport second = h.transport();
    assertEquals("fresh", second.accessToken);
    second.open();
    assertEquals("fresh", ((io.senchat.domain.protocol.ClientFrame.Hello) second.lastSent("hello").frame()).token());
    second.deliver(second.lastSent("hello").requestId(), ErrorFrame.of(ErrorCode.UNAUTHENTICATED, "no"));

    ConnectionStatus status = h.client().status();
    assertEquals(ConnectionState.FAILED, status.state());
    assertEquals(ErrorCode.UNAUTHENTICATED, status.failure());
    assertEquals(1, h.tokens.refreshes, "only one refresh per refusal");
    h.time.advance(3_600_000);
    assertEquals(2, h.factory.count(), "no more attempts");
  }

  @Test
  void aFailedRefreshGivesUpAtOnce() {
    ClientHarness h = new ClientHarness();
    h.tokens = new TestTokens("expired");
    h.client().start();
    h.transport().drop(CloseReason.UNAUTHENTICATED);
    assertEquals(1, h.tokens.refreshes);
    assertEquals(ConnectionState.FAILED, h.client().status().state());
    assertEquals("unauthenticated", h.client().status().failureCode());
    assertEquals(1, h.factory.count());
  }

  @Test
  void aWelcomeRenewsTheRefreshAllowance() {
    ClientHarness h = new ClientHarness();
    h.tokens = new TestTokens("t1", "t2", "t3");
    h.client().start();
    h.transport().drop(CloseReason.UNAUTHENTICATED);
    h.transport().open();
    h.welcome(h.transport(), io.senchat.domain.protocol.SyncToken.of(1, 0));
    // Hours later the token expires; the server says so and closes the connection.
    h.transport().deliverEvent(ErrorFrame.of(ErrorCode.TOKEN_EXPIRED, "expired"));
    h.transport().drop(CloseReason.NORMAL);
    assertEquals(2, h.tokens.refreshes);
    assertEquals("t3", h.transport().accessToken);
    assertEquals(ConnectionState.CONNECTING, h.client().status().state());
  }

  @Test
  void startAfterGivingUpTriesAgain() {
    ClientHarness h = new ClientHarness();
    h.tokens = new TestTokens("bad");
    h.client().start();
    h.transport().drop(CloseReason.UNAUTHENTICATED);
    assertEquals(ConnectionState.FAILED, h.client().status().state());
    h.client().start();
    assertEquals(2, h.factory.count());
  }

  @Test
  void networkOnlineRetriesAtOnce() {
    ClientHarness h = new ClientHarness();
    h.client().start();
    for (int i = 0; i < 11; i++) {
      h.time.advance(failAttempt(h));
    }
    long delay = failAttempt(h);
    assertEquals(30_000, delay);
    int attempts = h.factory.count();
    h.client().networkOnline();
    assertEquals(attempts + 1, h.factory.count());
    assertEquals(ConnectionState.CONNECTING, h.client().status().state());
    h.transport().open();
    h.welcome(h.transport(), io.senchat.domain.protocol.SyncToken.of(1, 0));
    h.time.advance(30_000);
    assertEquals(attempts + 1, h.factory.count(), "the cancelled retry does not fire");
  }

  @Test
  void networkOnlineRestartsAnAttemptThatMayHangOnTheOldNetwork() {
    ClientHarness h = new ClientHarness();
    h.client().start();
    for (int i = 0; i < 5; i++) {
      h.time.advance(failAttempt(h));
    }
    FakeTransport hanging = h.transport();
    assertEquals(ConnectionState.CONNECTING, h.client().status().state());
    h.client().networkOnline();
    assertTrue(hanging.closedByClient());
    assertEquals(7, h.factory.count(), "a fresh attempt at once");
    assertEquals(500, failAttempt(h), "and a short delay if it fails too");
  }

  @Test
  void aNormalCloseByTheServerEndsTheSession() {
    ClientHarness h = new ClientHarness();
    h.connect().drop(CloseReason.NORMAL);
    assertEquals(ConnectionState.OFFLINE, h.client().status().state());
    h.time.advance(60_000);
    assertEquals(1, h.factory.count());
  }

  @Test
  void anAnnouncedRetryableShutdownReconnectsWhateverTheCloseCode() {
    ClientHarness h = new ClientHarness();
    FakeTransport transport = h.connect();
    transport.deliverEvent(ErrorFrame.of(ErrorCode.UNAVAILABLE, "restarting"));
    transport.drop(CloseReason.NORMAL);
    assertEquals(ConnectionState.RECONNECTING, h.client().status().state());
    assertEquals(1, h.listener.serverErrors.size());
  }

  @Test
  void aRefusedOriginGivesUp() {
    ClientHarness h = new ClientHarness();
    h.client().start();
    h.transport().drop(CloseReason.FORBIDDEN_ORIGIN);
    assertEquals(ConnectionState.FAILED, h.client().status().state());
    assertEquals(ErrorCode.FORBIDDEN, h.client().status().failure());
  }

  @Test
  void anUnsupportedVersionGivesUp() {
    ClientHarness h = new ClientHarness();
    h.client().start();
    FakeTransport transport = h.transport();
    transport.open();
    transport.deliver(transport.lastSent("hello").requestId(),
        ErrorFrame.of(ErrorCode.UNSUPPORTED_VERSION, "upgrade"));
    assertTrue(transport.closedByClient());
    assertEquals(ErrorCode.UNSUPPORTED_VERSION, h.client().status().failure());
  }

  @Test
  void aRetryableRefusalOfHelloBacksOff() {
    ClientHarness h = new ClientHarness();
    h.client().start();
    FakeTransport transport = h.transport();
    transport.open();
    transport.deliver(transport.lastSent("hello").requestId(), ErrorFrame.of(ErrorCode.UNAVAILABLE, "busy"));
    assertTrue(transport.closedByClient());
    assertEquals(ConnectionState.RECONNECTING, h.client().status().state());
  }

  @Test
  void anAttemptThatNeverOpensTimesOut() {
    ClientHarness h = new ClientHarness();
    h.client().start();
    FakeTransport silent = h.transport();
    h.time.advance(ClientOptions.DEFAULT_HANDSHAKE_TIMEOUT_MILLIS);
    assertTrue(silent.closedByClient());
    assertEquals(Connector.HANDSHAKE_TIMEOUT, h.client().status().lastClose());
    assertEquals(ConnectionState.RECONNECTING, h.client().status().state());
  }

  @Test
  void aTransportThatRefusesAFrameIsTakenForDead() {
    ClientHarness h = new ClientHarness();
    FakeTransport transport = h.connect();
    // The transport closed itself (say, its send queue overflowed) but has not reported it yet.
    transport.refuseSends = true;
    h.client().send(ClientHarness.outgoing("c1"));
    assertTrue(transport.closedByClient());
    assertEquals(ConnectionState.RECONNECTING, h.client().status().state());
    assertEquals(Connector.SEND_FAILED, h.client().status().lastClose());
    assertEquals(1, h.client().unsent().size(), "still queued");
    assertEquals(java.util.List.of("c1"), h.reconnect().sentClientIds());
  }
}
