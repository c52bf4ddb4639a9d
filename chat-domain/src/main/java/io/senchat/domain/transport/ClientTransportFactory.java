package io.senchat.domain.transport;

/** Makes client transports of one kind; a reconnecting client asks it for a fresh one per attempt. */
public interface ClientTransportFactory {

  /** The transport's name on the wire and in configuration, e.g. {@code "ws"} or {@code "longpoll"}. */
  String name();

  /**
   * A new, unconnected transport.
   *
   * @param baseUrl the server's base URL, e.g. {@code http://127.0.0.1:8080}
   * @param accessToken the bearer token to present
   */
  ClientTransport create(String baseUrl, String accessToken);
}
