package io.senchat.transport.ws.testkit;

import io.senchat.domain.transport.ConnectionAcceptor;
import io.senchat.transport.ws.server.WebSocketEndpoint;
import io.senchat.transport.ws.server.WebSocketServerOptions;
import io.undertow.Handlers;
import io.undertow.Undertow;
import io.undertow.server.HttpHandler;
import io.undertow.server.handlers.PathHandler;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.xnio.Options;

/** One Undertow on 127.0.0.1 and an ephemeral port; each test mounts its own endpoint under a fresh path. */
public final class TestServer implements AutoCloseable {

  private final PathHandler paths = Handlers.path();
  private final List<WebSocketEndpoint> endpoints = new CopyOnWriteArrayList<>();
  private final AtomicInteger next = new AtomicInteger();
  private final Undertow undertow;
  private final int port;

  public TestServer() {
    undertow = Undertow.builder()
        .addHttpListener(0, "127.0.0.1")
        .setIoThreads(2)
        .setWorkerThreads(8)
        // A small kernel send buffer makes a stalled reader fill its queue after kilobytes, not megabytes.
        .setSocketOption(Options.SEND_BUFFER, 64 * 1024)
        .setHandler(paths)
        .build();
    undertow.start();
    port = ((InetSocketAddress) undertow.getListenerInfo().get(0).getAddress()).getPort();
  }

  /** Mounts a new endpoint at a fresh path (the options' path is replaced). */
  public WebSocketEndpoint mount(ConnectionAcceptor acceptor, WebSocketServerOptions options) {
    WebSocketServerOptions mounted = options.withPath("/ws" + next.incrementAndGet());
    WebSocketEndpoint endpoint = new WebSocketEndpoint(acceptor, mounted);
    endpoints.add(endpoint);
    paths.addExactPath(mounted.path(), endpoint);
    return endpoint;
  }

  /** Mounts any handler at a fresh path and returns the path. */
  public String mount(HttpHandler handler) {
    String path = "/h" + next.incrementAndGet();
    paths.addExactPath(path, handler);
    return path;
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  public int port() {
    return port;
  }

  @Override
  public void close() {
    for (WebSocketEndpoint endpoint : endpoints) {
      endpoint.shutdown();
    }
    undertow.stop();
  }
}
