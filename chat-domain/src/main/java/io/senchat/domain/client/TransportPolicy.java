package io.senchat.domain.client;

import io.senchat.domain.transport.ClientTransportFactory;
import io.senchat.domain.transport.CloseReason;

/**
 * Chooses the transport of each connection attempt. {@link #only} always uses one; a fallback policy (WebSocket,
 * then long-polling after repeated failures, and back) plugs in here without touching the engine.
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

  /** Always the same transport. */
  static TransportPolicy only(ClientTransportFactory factory) {
    if (factory == null) {
      throw new IllegalArgumentException("factory must not be null");
    }
    return () -> factory;
  }
}
