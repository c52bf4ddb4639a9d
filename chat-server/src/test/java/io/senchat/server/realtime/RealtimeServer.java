package io.senchat.server.realtime;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.senchat.domain.common.Clock;
import io.senchat.domain.transport.ServerEndpoint;
import io.senchat.domain.user.UserId;
import io.senchat.server.auth.AccessTokens;
import io.senchat.store.ChatStore;
import io.senchat.store.message.GroupCommitConfig;
import io.senchat.store.message.MessageWriter;
import io.senchat.transport.ws.server.WebSocketServerOptions;
import io.undertow.Handlers;
import io.undertow.Undertow;
import io.undertow.server.HttpHandler;
import java.net.InetSocketAddress;
import java.time.Duration;

/**
 * A minimal server for the tests: Undertow with the WebSocket endpoint in front of the real-time core, over a test
 * store. No REST: users and conversations are made through the store, tokens through {@link AccessTokens}.
 */
final class RealtimeServer implements AutoCloseable {

  /** Fixed, so that a restarted server accepts the tokens of the previous one. */
  private static final byte[] SECRET = "senchat-realtime-tests-secret-0123456789".getBytes();

  private final ChatStore store;
  private final MessageWriter writer;
  private final AccessTokens tokens;
  private final RealtimeTestComponent component;
  private final ServerEndpoint<HttpHandler> webSocket;
  private final Undertow undertow;
  private final SimpleMeterRegistry meters;
  private final int port;
  private boolean stopped;

  private RealtimeServer(ChatStore store, MessageWriter writer, AccessTokens tokens, RealtimeTestComponent component,
      ServerEndpoint<HttpHandler> webSocket, Undertow undertow, SimpleMeterRegistry meters, int port) {
    this.store = store;
    this.writer = writer;
    this.tokens = tokens;
    this.component = component;
    this.webSocket = webSocket;
    this.undertow = undertow;
    this.meters = meters;
    this.port = port;
  }

  /** Starts on {@code port} (0: any free port). */
  static RealtimeServer start(ChatStore store, int port, RealtimeOptions options) {
    Clock clock = System::currentTimeMillis;
    AccessTokens tokens = new AccessTokens(SECRET, clock, AccessTokens.DEFAULT_TTL_MILLIS);
    MessageWriter writer = store.startWriter(GroupCommitConfig.DEFAULTS);
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    WebSocketServerOptions webSocketOptions = WebSocketServerOptions.defaults()
        .withCloseTimeout(Duration.ofSeconds(2));
    RealtimeTestComponent component = DaggerRealtimeTestComponent.factory().create(store, writer,
        handshake -> tokens.verify(handshake.accessToken()).principal(), clock, meters, options, webSocketOptions);
    ServerEndpoint<HttpHandler> webSocket = component.transports().get("ws");
    Undertow undertow = Undertow.builder()
        .addHttpListener(port, "127.0.0.1")
        .setIoThreads(2)
        .setWorkerThreads(16)
        .setHandler(Handlers.path().addPrefixPath(webSocket.path(), webSocket.handler()))
        .build();
    undertow.start();
    int bound = ((InetSocketAddress) undertow.getListenerInfo().get(0).getAddress()).getPort();
    return new RealtimeServer(store, writer, tokens, component, webSocket, undertow, meters, bound);
  }

  String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  int port() {
    return port;
  }

  /** A valid access token of the user. */
  String token(UserId user) {
    return tokens.issue(user, 1, "test").token();
  }

  /** A token of the user, correctly signed, that expired an hour ago. */
  static String expiredToken(UserId user) {
    long anHourAgo = System.currentTimeMillis() - 3_600_000;
    return new AccessTokens(SECRET, () -> anHourAgo, 60_000).issue(user, 1, "test").token();
  }

  Realtime realtime() {
    return component.realtime();
  }

  int liveSessions() {
    return component.sessions().size();
  }

  SimpleMeterRegistry meters() {
    return meters;
  }

  /** Stops in the assembly's order: core (1001 to every client), transport, HTTP, writer. The store stays open. */
  synchronized void stop() {
    if (stopped) {
      return;
    }
    stopped = true;
    component.realtime().shutdown();
    webSocket.shutdown().run();
    undertow.stop();
    writer.close();
  }

  @Override
  public void close() {
    stop();
  }
}
