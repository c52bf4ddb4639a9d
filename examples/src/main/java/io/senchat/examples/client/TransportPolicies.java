package io.senchat.examples.client;

import io.senchat.domain.client.FallbackTransportPolicy;
import io.senchat.domain.client.TransportPolicy;
import io.senchat.domain.common.Clock;
import io.senchat.domain.transport.ClientTransportFactory;
import java.util.List;
import java.util.Map;

/**
 * The client transport policies by name, without Dagger: {@code ws}, {@code longpoll}, or {@code auto} (WebSocket,
 * falling back to long-polling and upgrading back; see {@link FallbackTransportPolicy}). A policy is stateful: make
 * one per client.
 */
public final class TransportPolicies {

  /** The names a {@code --transport} flag accepts. */
  public static final List<String> NAMES = List.of("ws", "longpoll", "auto");

  private TransportPolicies() {}

  /**
   * A fresh policy.
   *
   * @param factories the available client transports by name ({@code "ws"}, {@code "longpoll"})
   * @param clock the client's clock (the fallback policy measures how long a connection lived)
   * @throws IllegalArgumentException for an unknown name, or a transport this build lacks
   */
  public static TransportPolicy create(String name, Map<String, ClientTransportFactory> factories, Clock clock) {
    return switch (name) {
      case "ws", "longpoll" -> TransportPolicy.only(require(factories, name));
      case "auto" -> new FallbackTransportPolicy(require(factories, "ws"), require(factories, "longpoll"), clock);
      default -> throw new IllegalArgumentException("unknown transport '" + name + "'; choose from " + NAMES);
    };
  }

  /** The entry for {@code name}, or an error naming what this build has. */
  static <V> V require(Map<String, V> factories, String name) {
    V factory = factories.get(name);
    if (factory == null) {
      throw new IllegalArgumentException("transport '" + name + "' is not in this build; available: "
          + factories.keySet());
    }
    return factory;
  }
}
