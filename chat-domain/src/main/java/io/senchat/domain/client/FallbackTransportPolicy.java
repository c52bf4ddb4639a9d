package io.senchat.domain.client;

import io.senchat.domain.common.Clock;
import io.senchat.domain.transport.ClientTransportFactory;
import io.senchat.domain.transport.CloseReason;

/**
 * Prefers a primary transport (WebSocket) and falls back to another (long-polling) when the primary seems blocked,
 * then keeps probing the primary in the background and switches back as soon as a probe reaches {@code welcome}.
 *
 * <p>Unlike Socket.IO it starts on the primary, so a reconnect never begins again on polling; unlike a plain ordered
 * list it does not stay on the fallback for ever after one bad network. The primary counts as blocked after
 * {@link Settings#failuresBeforeFallback} consecutive attempts that failed before {@code welcome} (with a short
 * handshake bound, so a proxy that swallows upgrades costs seconds, not the full handshake timeout) or were cut within
 * {@link Settings#shortLivedMillis} of it. When the fallback fails as often before {@code welcome}, the network itself
 * is down and the policy returns to the primary, so that whichever comes back first is found. A switch never loses or
 * repeats anything: every connection resumes by sync token and unacknowledged sends go out again under their client
 * ids.
 *
 * <p>Stateful: one instance per client.
 */
public final class FallbackTransportPolicy implements TransportPolicy {

  /**
   * The policy's bounds.
   *
   * @param failuresBeforeFallback consecutive failed attempts on one transport before trying the other
   * @param primaryHandshakeMillis how long an attempt (or probe) over the primary may take to reach {@code welcome}
   * @param shortLivedMillis a primary connection cut sooner than this after {@code welcome} counts as failed
   * @param probeBaseMillis first probe delay after falling back, doubled per failed probe
   * @param probeCapMillis largest probe delay
   */
  public record Settings(int failuresBeforeFallback, long primaryHandshakeMillis, long shortLivedMillis,
      long probeBaseMillis, long probeCapMillis) {

    public Settings {
      if (failuresBeforeFallback < 1 || primaryHandshakeMillis <= 0 || shortLivedMillis < 0 || probeBaseMillis <= 0
          || probeCapMillis < probeBaseMillis) {
        throw new IllegalArgumentException("invalid fallback settings");
      }
    }

    /** Two failures, a 4 s handshake bound, 5 s "short-lived", probes from 2 s doubling to 60 s. */
    public static Settings defaults() {
      return new Settings(2, 4_000, 5_000, 2_000, 60_000);
    }
  }

  private final ClientTransportFactory primary;
  private final ClientTransportFactory fallback;
  private final Clock clock;
  private final Settings settings;

  private boolean onFallback;
  private int primaryFailures;
  private int fallbackFailures;
  private int failedProbes;
  private long welcomedAt;

  public FallbackTransportPolicy(ClientTransportFactory primary, ClientTransportFactory fallback, Clock clock,
      Settings settings) {
    if (primary == null || fallback == null || clock == null || settings == null || primary == fallback) {
      throw new IllegalArgumentException("need two distinct factories, a clock and settings");
    }
    this.primary = primary;
    this.fallback = fallback;
    this.clock = clock;
    this.settings = settings;
  }

  /** With {@link Settings#defaults()}. */
  public FallbackTransportPolicy(ClientTransportFactory primary, ClientTransportFactory fallback, Clock clock) {
    this(primary, fallback, clock, Settings.defaults());
  }

  /** True while the fallback is in use. */
  public boolean onFallback() {
    return onFallback;
  }

  @Override
  public ClientTransportFactory next() {
    return onFallback ? fallback : primary;
  }

  @Override
  public long handshakeTimeoutMillis(ClientTransportFactory factory, long standard) {
    return factory == primary ? Math.min(standard, settings.primaryHandshakeMillis()) : standard;
  }

  @Override
  public void onWelcomed(ClientTransportFactory factory) {
    welcomedAt = clock.nowMillis();
    if (factory == fallback) {
      fallbackFailures = 0;
    }
  }

  @Override
  public void onClosed(ClientTransportFactory factory, CloseReason reason, boolean welcomed) {
    if (!reason.shouldReconnect()) {
      // Our own switch, or an orderly end: says nothing about the transport.
      return;
    }
    if (factory == primary && !onFallback) {
      boolean failed = !welcomed || clock.nowMillis() - welcomedAt < settings.shortLivedMillis();
      primaryFailures = failed ? primaryFailures + 1 : 0;
      if (primaryFailures >= settings.failuresBeforeFallback()) {
        onFallback = true;
        primaryFailures = 0;
        fallbackFailures = 0;
        failedProbes = 0;
      }
    } else if (factory == fallback && onFallback && !welcomed) {
      fallbackFailures++;
      if (fallbackFailures >= settings.failuresBeforeFallback()) {
        onFallback = false;
        fallbackFailures = 0;
      }
    }
  }

  @Override
  public Probe probe(ClientTransportFactory current) {
    if (!onFallback || current != fallback) {
      return null;
    }
    long delay = settings.probeBaseMillis();
    for (int i = 0; i < failedProbes && delay < settings.probeCapMillis(); i++) {
      delay = Math.min(settings.probeCapMillis(), delay * 2);
    }
    return new Probe(primary, delay);
  }

  @Override
  public void onProbed(ClientTransportFactory factory, boolean reachedWelcome) {
    if (factory != primary) {
      return;
    }
    if (reachedWelcome) {
      onFallback = false;
      primaryFailures = 0;
      failedProbes = 0;
    } else if (failedProbes < 30) {
      failedProbes++;
    }
  }

  @Override
  public String toString() {
    return "fallback(" + primary.name() + " -> " + fallback.name() + (onFallback ? ", on fallback" : "") + ")";
  }
}
