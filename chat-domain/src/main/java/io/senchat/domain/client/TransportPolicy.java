package io.senchat.domain.client;

import io.senchat.domain.transport.ClientTransportFactory;
import io.senchat.domain.transport.CloseReason;

/**
 * Chooses the transport of each connection attempt. {@link #only} always uses one; {@link FallbackTransportPolicy}
 * prefers WebSocket, falls back to long-polling when it is blocked, and upgrades back through background probes that
 * the engine runs for it ({@link #probe}).
 */
@FunctionalInterface
public interface TransportPolicy {

  /** The transport for the next connection attempt. */
  ClientTransportFactory next();

  /** The attempt made with {@code factory} reached {@code welcome}. */
  default void onWelcomed(ClientTransportFactory factory) {}

  /**
   * The connection made with {@code factory} ended.
   *
   * @param welcomed whether it had reached {@code welcome} (a failure before it suggests the transport itself is
   *     blocked, e.g. by a proxy that refuses WebSocket upgrades)
   */
  default void onClosed(ClientTransportFactory factory, CloseReason reason, boolean welcomed) {}

  /** The longest wait from starting an attempt with {@code factory} to {@code welcome}; {@code standard} by default. */
  default long handshakeTimeoutMillis(ClientTransportFactory factory, long standard) {
    return standard;
  }

  /**
   * While online over {@code current}: a preferred transport the engine should probe in the background (open it and
   * reach {@code welcome}), or {@code null}. Asked after each {@code welcome} and after each failed probe.
   */
  default Probe probe(ClientTransportFactory current) {
    return null;
  }

  /**
   * A background probe of {@code factory} reached {@code welcome} ({@code true}) or failed. After a success the engine
   * reconnects at the next quiet moment, and {@link #next} should then return {@code factory}.
   */
  default void onProbed(ClientTransportFactory factory, boolean reachedWelcome) {}

  /**
   * A background probe to run.
   *
   * @param factory the transport to try
   * @param delayMillis how long to stay on the current transport first (the engine jitters it by up to half)
   */
  record Probe(ClientTransportFactory factory, long delayMillis) {

    public Probe {
      if (factory == null || delayMillis < 0) {
        throw new IllegalArgumentException("need a factory and a delay >= 0");
      }
    }
  }

  /** Always the same transport. */
  static TransportPolicy only(ClientTransportFactory factory) {
    if (factory == null) {
      throw new IllegalArgumentException("factory must not be null");
    }
    return () -> factory;
  }
}
