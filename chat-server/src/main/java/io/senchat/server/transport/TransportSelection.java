package io.senchat.server.transport;

import java.util.List;

/**
 * The transports to mount, by map key, in preference order (e.g. {@code ws, longpoll}).
 *
 * @param names keys of the {@code Map<String, ServerEndpoint<HttpHandler>>} contributed by the transport modules
 */
public record TransportSelection(List<String> names) {

  public TransportSelection {
    if (names == null || names.isEmpty()) {
      throw new IllegalArgumentException("select at least one transport");
    }
    names = List.copyOf(names);
  }
}
