package io.senchat.transport.longpoll.testkit;

import io.senchat.domain.transport.ConnectionAcceptor;
import io.senchat.transport.longpoll.server.LongPollEndpoint;
import io.senchat.transport.longpoll.server.LongPollServerOptions;
import io.undertow.Handlers;
import io.undertow.Undertow;
import io.undertow.server.HttpHandler;
import io.undertow.server.handlers.PathHandler;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** One Undertow on 127.0.0.1 and an ephemeral port; each test mounts its own endpoint under a fresh path. */
public final class TestServer implements AutoCloseable {

  private final PathHandler paths = Handlers.path();
  private final List<LongPollEndpoint> endpoints = new CopyOnWriteArrayList<>();
  private final AtomicInteger next = new AtomicInteger();
  private final Undertow undertow;
  private final int port;

  public TestServer() {
    undertow = Undertow.builder()
        .addHttpListener(0, "127.0.0.1")
        .setIoThreads(2)
        .setWorkerThreads(8)
        .setHandler(paths)
        .build();
    undertow.start();
    port = ((InetSocketAddress) undertow.getListenerInfo().get(0).getAddress()).getPort();
  }

  /** Mounts a new endpoint at a fresh path (the options' path is replaced) and returns it. */
  public LongPollEndpoint mount(ConnectionAcceptor acceptor, LongPollServerOptions options) {
    LongPollServerOptions mounted = options.withPath("/poll" + next.incrementAndGet());
    LongPollEndpoint endpoint = new LongPollEndpoint(acceptor, mounted);
    endpoints.add(endpoint);
    paths.addPrefixPath(mounted.path(), endpoint);
    return endpoint;
  }

  /** Mounts any handler as a prefix at a fresh path and returns the path. */
  public String mount(HttpHandler handler) {
    String path = "/h" + next.incrementAndGet();
    paths.addPrefixPath(path, handler);
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
    for (LongPollEndpoint endpoint : endpoints) {
      endpoint.shutdown();
    }
    undertow.stop();
  }
}
