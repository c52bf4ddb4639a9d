package io.senchat.transport.ws.client;

import io.senchat.domain.transport.ClientTransport;
import io.senchat.domain.transport.ClientTransportFactory;
import io.senchat.transport.ws.shared.WsUrls;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** Makes JVM WebSocket transports ({@code java.net.http.WebSocket}), one per connection attempt. */
public final class JdkWebSocketTransportFactory implements ClientTransportFactory {

  private final HttpClient http;
  private final WebSocketClientOptions options;
  private final Executor executor;

  /** A factory with its own HTTP client and a pool of daemon threads for listener callbacks. */
  public JdkWebSocketTransportFactory(WebSocketClientOptions options) {
    this(HttpClient.newHttpClient(), options, daemonPool());
  }

  /**
   * @param http the shared HTTP client
   * @param options client settings
   * @param executor lends threads to listener callbacks (serially per transport) and send continuations
   */
  public JdkWebSocketTransportFactory(HttpClient http, WebSocketClientOptions options, Executor executor) {
    if (http == null || options == null || executor == null) {
      throw new IllegalArgumentException("http client, options and executor must not be null");
    }
    this.http = http;
    this.options = options;
    this.executor = executor;
  }

  @Override
  public String name() {
    return "ws";
  }

  @Override
  public ClientTransport create(String baseUrl, String accessToken) {
    URI uri = URI.create(WsUrls.endpoint(baseUrl, options.path()));
    return new JdkWebSocketTransport(http, uri, accessToken == null ? "" : accessToken, options, executor);
  }

  private static ExecutorService daemonPool() {
    return Executors.newCachedThreadPool(new DaemonThreads());
  }

  @Override
  public String toString() {
    return "JdkWebSocketTransportFactory[" + options.path() + ", " + options.tokenCarrier() + "]";
  }

  /** Names the client's threads and keeps them from holding the JVM open. */
  private static final class DaemonThreads implements ThreadFactory {

    private final AtomicInteger count = new AtomicInteger();

    @Override
    public Thread newThread(Runnable task) {
      Thread thread = new Thread(task, "senchat-ws-client-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    }
  }
}
