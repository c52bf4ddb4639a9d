package io.senchat.server;

import io.senchat.server.config.ServerConfig;
import io.senchat.server.http.WebApps;
import io.senchat.server.wiring.ChatApplication;
import io.senchat.server.wiring.ChatGraph;
import io.undertow.Undertow;
import io.undertow.server.HttpHandler;
import io.undertow.server.handlers.GracefulShutdownHandler;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The standalone SenChat server: Undertow serving the chat's routes and the web app at {@code /}. {@link #start}
 * returns once it listens; {@link #close} stops it gracefully (clients are told to reconnect, in-flight requests
 * finish, queued messages are written, then the database stops).
 */
public final class ChatServer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ChatServer.class);

  /** How long in-flight HTTP requests may take to finish once stopping has begun. */
  private static final long DRAIN_MILLIS = 5_000;

  private final ServerConfig config;
  private final ChatApplication application;
  private final GracefulShutdownHandler graceful;
  private final Undertow undertow;
  private final int port;
  private final AtomicBoolean closed = new AtomicBoolean();

  private ChatServer(ServerConfig config, ChatApplication application, GracefulShutdownHandler graceful,
      Undertow undertow, int port) {
    this.config = config;
    this.application = application;
    this.graceful = graceful;
    this.undertow = undertow;
    this.port = port;
  }

  /**
   * Opens the database (starting the embedded PostgreSQL when there is no {@code --db-url}), assembles the server
   * and starts listening.
   *
   * @throws io.senchat.server.config.ConfigException when the configuration cannot work (e.g. no such web root)
   */
  public static ChatServer start(ServerConfig config) {
    return start(config, DaggerServerComponent.factory().create(config));
  }

  /** Starts over an already built graph (tests swap modules this way). */
  static ChatServer start(ServerConfig config, ChatGraph graph) {
    ClassLoader loader = ChatServer.class.getClassLoader();
    HttpHandler webApp = WebApps.handler(config.webRoot(), loader);
    ChatApplication application;
    try {
      application = graph.application();
    } catch (RuntimeException e) {
      graph.startedResources().closeAll();
      throw e;
    }
    try {
      GracefulShutdownHandler graceful = new GracefulShutdownHandler(application.routes(webApp, true));
      Undertow undertow = Undertow.builder()
          .addHttpListener(config.port(), config.host())
          .setHandler(graceful)
          .build();
      undertow.start();
      int port = ((InetSocketAddress) undertow.getListenerInfo().get(0).getAddress()).getPort();
      LOG.debug("Serving {}", WebApps.describe(config.webRoot(), loader));
      return new ChatServer(config, application, graceful, undertow, port);
    } catch (RuntimeException e) {
      // Port taken, usually: the database is already running and must not be left behind.
      application.disconnectClients();
      application.close();
      throw e;
    }
  }

  /** The port it listens on; the free port chosen when configured with 0. */
  public int port() {
    return port;
  }

  /** The base URL, e.g. {@code http://127.0.0.1:8080}. */
  public URI url() {
    String host = config.host().contains(":") ? "[" + config.host() + "]" : config.host();
    return URI.create("http://" + host + ":" + port);
  }

  /** Where the data lives, e.g. {@code embedded PostgreSQL in ./data/postgres}. */
  public String databaseDescription() {
    return application.storage().description();
  }

  /** The assembled application, for tests and tools in this package. */
  ChatApplication application() {
    return application;
  }

  /**
   * Stops in order: live sessions and transports (clients hear GOING_AWAY), in-flight requests (up to 5 s), Undertow,
   * then the message writer, the store and the embedded database. Idempotent.
   */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    application.disconnectClients();
    graceful.shutdown();
    try {
      if (!graceful.awaitShutdown(DRAIN_MILLIS)) {
        LOG.warn("Requests still running after {} ms; stopping anyway", DRAIN_MILLIS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    undertow.stop();
    application.close();
    LOG.info("SenChat stopped");
  }

  @Override
  public String toString() {
    return "ChatServer[" + url() + ", " + application + "]";
  }
}
