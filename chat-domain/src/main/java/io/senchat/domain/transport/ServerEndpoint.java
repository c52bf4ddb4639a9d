package io.senchat.domain.transport;

/**
 * What a server-side transport contributes to the HTTP server that hosts it: where to mount it, its request handler
 * and what to run before the server stops. Generic in the handler type so that this SPI names no HTTP library; the
 * Undertow transports contribute {@code ServerEndpoint<io.undertow.server.HttpHandler>}.
 *
 * @param path the mount path, e.g. {@code /ws} or {@code /poll}
 * @param handler serves every request under the path
 * @param shutdown closes the transport's connections politely (e.g. WebSocket close 1001); blocks briefly
 * @param <H> the HTTP server's handler type
 */
public record ServerEndpoint<H>(String path, H handler, Runnable shutdown) {

  public ServerEndpoint {
    if (path == null || handler == null || shutdown == null) {
      throw new IllegalArgumentException("server endpoint fields must not be null");
    }
  }
}
