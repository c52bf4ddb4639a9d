package io.senchat.domain.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.senchat.domain.protocol.ClientFrame;
import io.senchat.domain.protocol.Inbound;
import io.senchat.domain.protocol.SyncToken;
import io.senchat.domain.transport.CloseReason;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Falling back to long-polling and upgrading back to WebSocket through the engine, over scripted transports. */
class ChatClientUpgradeTest {

  private final ManualTime time = new ManualTime();
  private final FakeTransportFactory ws = new FakeTransportFactory();
  private final FakeTransportFactory lp = new FakeTransportFactory();
  private final RecordingListener listener = new RecordingListener();
  private final InMemoryClientStateStore store = new InMemoryClientStateStore();
  private final FallbackTransportPolicy policy = new FallbackTransportPolicy(ws, lp, time);
  private final ChatClient client = new ChatClient(ClientOptions.defaults(ClientHarness.BASE_URL), policy,
      AccessTokenSource.fixed("tok"), store, new ClientRuntime(time, time, () -> 0.999_999), listener);

  @Test
  void aWebSocketThatNeverOpensFallsBackToLongPollingWithinSeconds() {
    client.start();
    time.advance(4_000);
    assertTrue(ws.last().closedByClient(), "the WebSocket handshake is bounded by 4 s, not 15 s");
    time.advance(client.status().retryInMillis());
    assertEquals(2, ws.count());
    time.advance(4_000);
    time.advance(client.status().retryInMillis());
    assertEquals(2, ws.count());
    assertEquals(1, lp.count(), "the third attempt uses long-polling");
    assertTrue(time.nowMillis() - 1_700_000_000_000L < 10_000, "fell back in under 10 s");
  }

  @Test
  void onLongPollingAProbeThatReachesWelcomeSwitchesBackAndResumesByToken() {
    FakeTransport poll = onLongPolling();
    assertEquals(1, ws.count() - 2, "a probe after about two seconds");
    FakeTransport probe = ws.last();
    probe.open();
    Inbound hello = probe.lastSent(ClientFrame.Hello.TYPE);
    assertNull(((ClientFrame.Hello) hello.frame()).syncToken(), "the probe asks for no replay");
    assertTrue(poll.isOpen(), "long-polling carries the session while the probe runs");

    probe.deliver(hello.requestId(), ClientHarness.welcomeFrame(SyncToken.of(100, 0)));

    assertTrue(probe.closedByClient());
    assertTrue(poll.closedByClient(), "switched at once: nothing was pending");
    assertFalse(policy.onFallback());
    FakeTransport upgraded = ws.last();
    assertEquals(4, ws.count(), "connects again over the proven WebSocket without backoff");
    upgraded.open();
    assertEquals(SyncToken.of(100, 0),
        ((ClientFrame.Hello) upgraded.lastSent(ClientFrame.Hello.TYPE).frame()).syncToken(), "resumes by token");
  }

  @Test
  void aSwitchWaitsForPendingAcksHoldsNewSendsAndResendsWhatIsStillUnanswered() {
    FakeTransport poll = onLongPolling();
    client.send(ClientHarness.outgoing("c1", 1));
    client.send(ClientHarness.outgoing("c2", 2));
    List<Inbound> sends = poll.sent(ClientFrame.SendMessage.TYPE);
    assertEquals(2, sends.size());
    FakeTransport probe = ws.last();
    probe.open();
    probe.deliver(probe.lastSent(ClientFrame.Hello.TYPE).requestId(),
        ClientHarness.welcomeFrame(SyncToken.of(100, 0)));

    assertFalse(poll.closedByClient(), "waits for the two acks");
    client.send(ClientHarness.outgoing("c3", 3));
    assertEquals(2, poll.sent(ClientFrame.SendMessage.TYPE).size(), "a new send waits for the new transport");
    poll.deliver(sends.get(0).requestId(), ClientHarness.ackFor("c1", 1));
    assertFalse(poll.closedByClient());
    time.advance(Connector.SWITCH_GRACE_MILLIS);
    assertTrue(poll.closedByClient(), "the grace ended: switch anyway");

    FakeTransport upgraded = ws.last();
    upgraded.open();
    upgraded.deliver(upgraded.lastSent(ClientFrame.Hello.TYPE).requestId(),
        ClientHarness.welcomeFrame(SyncToken.of(100, 0)));
    assertEquals(List.of("c2", "c3"), upgraded.sentClientIds(), "the unanswered one again, same client id");
    ClientHarness.ackAll(upgraded, upgraded.sent(ClientFrame.SendMessage.TYPE), 2);
    assertEquals(List.of("c1", "c2", "c3"), listener.ackedClientIds());
    assertTrue(client.unsent().isEmpty());
  }

  @Test
  void aFailedProbeLeavesTheSessionAloneAndTheNextWaitsLonger() {
    FakeTransport poll = onLongPolling();
    FakeTransport probe = ws.last();
    time.advance(4_000);
    assertTrue(probe.closedByClient(), "a probe that cannot reach welcome is bounded too");
    assertTrue(poll.isOpen());
    int before = ws.count();
    time.advance(3_999);
    assertEquals(before, ws.count());
    time.advance(1);
    assertEquals(before + 1, ws.count(), "the second probe after four seconds");
    ws.last().drop(CloseReason.ABNORMAL);
    assertTrue(poll.isOpen());
    assertTrue(policy.onFallback());
  }

  @Test
  void losingTheSessionAbandonsTheProbeSilently() {
    FakeTransport poll = onLongPolling();
    FakeTransport probe = ws.last();
    probe.open();
    poll.drop(CloseReason.ABNORMAL);
    assertTrue(probe.closedByClient(), "no probe outlives the connection it would upgrade");
    assertTrue(policy.onFallback(), "the abandoned probe reported nothing");
  }

  /** Falls back (two WebSocket attempts refused), connects over long-polling and lets the first probe start. */
  private FakeTransport onLongPolling() {
    client.start();
    ws.last().drop(CloseReason.ABNORMAL);
    time.advance(client.status().retryInMillis());
    ws.last().drop(CloseReason.ABNORMAL);
    time.advance(client.status().retryInMillis());
    FakeTransport poll = lp.last();
    poll.open();
    poll.deliver(poll.lastSent(ClientFrame.Hello.TYPE).requestId(), ClientHarness.welcomeFrame(SyncToken.of(100, 0)));
    assertEquals(ConnectionState.ONLINE, client.status().state());
    assertEquals(2, ws.count());
    time.advance(1_999);
    assertEquals(2, ws.count(), "no probe before its delay");
    time.advance(1);
    return poll;
  }
}
