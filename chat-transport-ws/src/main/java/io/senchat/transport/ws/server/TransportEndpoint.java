package io.senchat.transport.ws.server;

import io.undertow.server.HttpHandler;

/**
 * What a transport contributes to the Undertow server: where to mount it, the handler, and what to run before the
 * server stops.
 *
 * @param path the mount path, e.g. {@code /ws}
 * @param handler serves every request under the path
 * @param shutdown closes the transport's connections politely (e.g. WebSocket close 1001); blocks briefly
 */
public record TransportEndpoint(String path, HttpHandler handler, Runnable shutdown) {

  public TransportEndpoint {
    if (path == null || handler == null || shutdown == null) {
      throw new IllegalArgumentException("transport endpoint fields must not be null");
    }
  }
}
