package io.senchat.domain.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.senchat.domain.transport.CloseReason;
import org.junit.jupiter.api.Test;

class FallbackTransportPolicyTest {

  private final ManualTime time = new ManualTime();
  private final FakeTransportFactory ws = new FakeTransportFactory();
  private final FakeTransportFactory lp = new FakeTransportFactory();
  private final FallbackTransportPolicy policy = new FallbackTransportPolicy(ws, lp, time);

  @Test
  void startsOnThePrimaryWithAShortHandshakeBoundForItOnly() {
    assertSame(ws, policy.next());
    assertEquals(4_000, policy.handshakeTimeoutMillis(ws, 15_000));
    assertEquals(2_000, policy.handshakeTimeoutMillis(ws, 2_000), "never longer than the client's own bound");
    assertEquals(15_000, policy.handshakeTimeoutMillis(lp, 15_000));
    assertNull(policy.probe(ws), "nothing to upgrade to from the primary");
  }

  @Test
  void twoFailuresBeforeWelcomeFallBack() {
    policy.onClosed(ws, Connector.HANDSHAKE_TIMEOUT, false);
    assertSame(ws, policy.next(), "one failure may be the network's");
    policy.onClosed(ws, CloseReason.ABNORMAL, false);
    assertSame(lp, policy.next());
    assertTrue(policy.onFallback());
  }

  @Test
  void cutsSoonAfterWelcomeCountAsFailuresButALongLifeResetsTheCount() {
    policy.onWelcomed(ws);
    time.advance(1_000);
    policy.onClosed(ws, CloseReason.ABNORMAL, true);
    policy.onWelcomed(ws);
    time.advance(60_000);
    policy.onClosed(ws, CloseReason.ABNORMAL, true);
    assertSame(ws, policy.next(), "a connection that lived a minute proves WebSocket works");
    policy.onWelcomed(ws);
    time.advance(4_999);
    policy.onClosed(ws, CloseReason.ABNORMAL, true);
    policy.onClosed(ws, CloseReason.ABNORMAL, false);
    assertSame(lp, policy.next());
  }

  @Test
  void orderlyClosesSayNothingAboutTheTransport() {
    policy.onClosed(ws, Connector.SWITCHING, false);
    policy.onClosed(ws, CloseReason.NORMAL, false);
    policy.onClosed(ws, CloseReason.UNAUTHENTICATED, false);
    assertSame(ws, policy.next());
  }

  @Test
  void onTheFallbackItProbesThePrimaryWithGrowingDelaysAndReturnsOnSuccess() {
    fallBack();
    assertEquals(new TransportPolicy.Probe(ws, 2_000), policy.probe(lp));
    policy.onProbed(ws, false);
    assertEquals(4_000, policy.probe(lp).delayMillis());
    for (int i = 0; i < 40; i++) {
      policy.onProbed(ws, false);
    }
    assertEquals(60_000, policy.probe(lp).delayMillis(), "capped");
    policy.onProbed(ws, true);
    assertSame(ws, policy.next());
    assertFalse(policy.onFallback());
    assertNull(policy.probe(lp), "already upgraded");
  }

  @Test
  void whenTheFallbackFailsTooTheNetworkIsDownAndThePrimaryIsTriedAgain() {
    fallBack();
    policy.onClosed(lp, CloseReason.ABNORMAL, false);
    assertSame(lp, policy.next());
    policy.onClosed(lp, CloseReason.ABNORMAL, false);
    assertSame(ws, policy.next(), "whichever comes back first is found");
  }

  @Test
  void aWelcomedFallbackConnectionIsNotAFailure() {
    fallBack();
    policy.onClosed(lp, CloseReason.ABNORMAL, false);
    policy.onWelcomed(lp);
    policy.onClosed(lp, CloseReason.ABNORMAL, true);
    policy.onClosed(lp, CloseReason.ABNORMAL, false);
    assertSame(lp, policy.next());
  }

  private void fallBack() {
    policy.onClosed(ws, CloseReason.ABNORMAL, false);
    policy.onClosed(ws, CloseReason.ABNORMAL, false);
    assertSame(lp, policy.next());
  }
}
