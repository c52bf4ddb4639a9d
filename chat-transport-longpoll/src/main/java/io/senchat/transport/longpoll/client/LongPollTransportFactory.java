package io.senchat.transport.longpoll.client;

import io.senchat.domain.transport.ClientTransport;
import io.senchat.domain.transport.ClientTransportFactory;
import io.senchat.transport.longpoll.shared.LongPollUrls;
import java.net.http.HttpClient;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Makes JVM long-poll transports ({@code java.net.http}, asynchronous: no thread waits for a poll), one per connection
 * attempt. Name {@code "longpoll"}. Typical use: {@code new LongPollTransportFactory(http,
 * LongPollClientOptions.defaults(), executor)} with the application's one shared {@link HttpClient}.
 */
public final class LongPollTransportFactory implements ClientTransportFactory {

  private final HttpClient http;
  private final LongPollClientOptions options;
  private final Executor executor;

  /** A factory with default options, its own HTTP client and a pool of daemon threads. */
  public LongPollTransportFactory() {
    this(LongPollClientOptions.defaults());
  }

  /** A factory with its own HTTP client and a pool of daemon threads for listener callbacks. */
  public LongPollTransportFactory(LongPollClientOptions options) {
    this(HttpClient.newHttpClient(), options, daemonPool());
  }

  /**
   * @param http the shared HTTP client (HTTP/1.1 or 2; each session keeps at most one poll and one upstream request
   *     in flight)
   * @param options client settings
   * @param executor lends threads to listener callbacks (serially per transport) and request continuations
   */
  public LongPollTransportFactory(HttpClient http, LongPollClientOptions options, Executor executor) {
    if (http == null || options == null || executor == null) {
      throw new IllegalArgumentException("http client, options and executor must not be null");
    }
    this.http = http;
    this.options = options;
    this.executor = executor;
  }

  @Override
  public String name() {
    return "longpoll";
  }

  @Override
  public ClientTransport create(String baseUrl, String accessToken) {
    String endpoint = LongPollUrls.endpoint(baseUrl, options.path());
    return new LongPollTransport(http, endpoint, accessToken == null ? "" : accessToken, options, executor);
  }

  private static ExecutorService daemonPool() {
    return Executors.newCachedThreadPool(new DaemonThreads());
  }

  @Override
  public String toString() {
    return "LongPollTransportFactory[" + options.path() + "]";
  }

  /** Names the client's threads and keeps them from holding the JVM open. */
  private static final class DaemonThreads implements ThreadFactory {

    private final AtomicInteger count = new AtomicInteger();

    @Override
    public Thread newThread(Runnable task) {
      Thread thread = new Thread(task, "senchat-longpoll-client-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    }
  }
}
