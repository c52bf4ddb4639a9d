package io.senchat.transport.ws.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.senchat.domain.transport.ClientTransport;
import io.senchat.domain.transport.CloseReason;
import io.senchat.domain.transport.Handshake;
import io.senchat.domain.transport.testkit.RecordingListener;
import io.senchat.domain.transport.testkit.TestAcceptor;
import io.senchat.domain.transport.testkit.TestSession;
import io.senchat.domain.user.UserId;
import io.senchat.transport.ws.client.JdkWebSocketTransportFactory;
import io.senchat.transport.ws.client.TokenCarrier;
import io.senchat.transport.ws.client.WebSocketClientOptions;
import io.senchat.transport.ws.testkit.RawWebSocket;
import io.senchat.transport.ws.testkit.TestServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Undertow endpoint with real sockets on 127.0.0.1, driven by the JVM client and a hand-written raw client. */
class WebSocketEndpointTest {

  /** Production settings except a short close timeout, so that nothing in a test waits long. */
  private static final WebSocketServerOptions FAST =
      WebSocketServerOptions.defaults().withCloseTimeout(Duration.ofMillis(500));

  private static TestServer server;
  private static HttpClient http;
  private static ExecutorService pool;

  @BeforeAll
  static void start() {
    server = new TestServer();
    http = HttpClient.newHttpClient();
    pool = Executors.newCachedThreadPool();
  }

  @AfterAll
  static void stop() {
    server.close();
    pool.shutdownNow();
  }

  private static WebSocketClientOptions clientOptions(WebSocketEndpoint endpoint) {
    return WebSocketClientOptions.defaults()
        .withPath(endpoint.options().path())
        .withConnectTimeout(Duration.ofSeconds(3));
  }

  private static ClientTransport client(WebSocketClientOptions options, String token) {
    return new JdkWebSocketTransportFactory(http, options, pool).create(server.baseUrl(), token);
  }

  private static ClientTransport client(WebSocketEndpoint endpoint, String token, TokenCarrier carrier) {
    return client(clientOptions(endpoint).withTokenCarrier(carrier), token);
  }

  private static ClientTransport client(WebSocketEndpoint endpoint, String token) {
    return client(endpoint, token, TokenCarrier.HEADER);
  }

  private static RecordingListener connect(ClientTransport transport) {
    RecordingListener listener = new RecordingListener();
    transport.connect(listener);
    return listener;
  }

  private static RawWebSocket raw(WebSocketEndpoint endpoint, Map<String, String> headers) throws Exception {
    return RawWebSocket.open(server.port(), endpoint.options().path(), headers, 0);
  }

  private static void assertClosedOnce(RecordingListener listener, TestSession session) {
    assertEquals(1, listener.closeCount(), "client onClose count");
    assertEquals(0, listener.eventsAfterClose(), "client events after onClose");
    assertFalse(listener.overlapped(), "client callbacks overlapped");
    assertEquals(1, session.closeCount(), "session onClose count");
    assertEquals(0, session.framesAfterClose(), "session frames after onClose");
    assertFalse(session.overlapped(), "session callbacks overlapped");
  }

  @Test
  void echoesBothWaysAndClosesNormally() throws Exception {
    TestAcceptor acceptor = new TestAcceptor();
    WebSocketEndpoint endpoint = server.mount(acceptor, FAST);
    ClientTransport transport = client(endpoint, "user-1");
    RecordingListener listener = connect(transport);
    listener.awaitOpen();
    TestSession session = acceptor.nextSession();
    assertEquals(UserId.of(1), session.principal().userId());

    Handshake handshake = acceptor.nextHandshake();
    assertEquals("user-1", handshake.accessToken());
    assertEquals("", handshake.origin());
    assertEquals("127.0.0.1", handshake.remoteAddress());
    assertFalse(handshake.headers().containsKey("authorization"), "the token must not be copied into headers");

    assertTrue(transport.send("hello"));
    assertEquals("hello", session.nextFrame());
    assertEquals("hello", listener.nextFrame());
    assertTrue(session.connection().send("pushed by the server"));
    assertEquals("pushed by the server", listener.nextFrame());

    transport.close();
    assertEquals(CloseReason.NORMAL, listener.awaitClose());
    assertEquals(CloseReason.NORMAL, session.awaitClose());
    assertFalse(transport.send("late"));
    assertFalse(session.connection().send("late"));
    assertClosedOnce(listener, session);
  }

  @Test
  void manyFramesStayInOrderBothWays() throws Exception {
    TestAcceptor acceptor = new TestAcceptor();
    WebSocketEndpoint endpoint = server.mount(acceptor, FAST);
    // The burst below is larger than the client's default send queue, which would (rightly) close the link.
    ClientTransport transport = client(clientOptions(endpoint).withSendQueueMaxFrames(5_000), "user-2");
    RecordingListener listener = connect(transport);
    listener.awaitOpen();
    TestSession session = acceptor.nextSession();

    int count = 2_000;
    for (int i = 0; i < count; i++) {
      assertTrue(transport.send("c" + i));
    }
    for (int i = 0; i < count; i++) {
      assertEquals("c" + i, listener.nextFrame());
    }

    // Several server threads at once: each one's frames must arrive in its own order. 800 frames stay below the
    // send-queue bound of 1,000 even if the client reads none of them before the last is sent.
    int threads = 4;
    int perThread = 200;
    java.util.concurrent.atomic.AtomicInteger refused = new java.util.concurrent.atomic.AtomicInteger();
    CountDownLatch sent = new CountDownLatch(threads);
    for (int t = 0; t < threads; t++) {
      int thread = t;
      pool.execute(() -> {
        for (int i = 0; i < perThread; i++) {
          if (!session.connection().send("t" + thread + ":" + i)) {
            refused.incrementAndGet();
          }
        }
        sent.countDown();
      });
    }
    assertTrue(sent.await(5, TimeUnit.SECONDS));
    assertEquals(0, refused.get());
    int[] next = new int[threads];
    for (int i = 0; i < threads * perThread; i++) {
      String frame = listener.nextFrame();
      int thread = frame.charAt(1) - '0';
      assertEquals(next[thread]++, Integer.parseInt(frame.substring(3)), "order of thread " + thread);
    }
    transport.close();
    listener.awaitClose();
    session.awaitClose();
    assertClosedOnce(listener, session);
  }

  @Test
  void largeFrameBelowTheCapIsReassembled() throws Exception {
    TestAcceptor acceptor = new TestAcceptor();
    WebSocketEndpoint endpoint = server.mount(acceptor, FAST);
    ClientTransport transport = client(endpoint, "user-3");
    RecordingListener listener = connect(transport);
    listener.awaitOpen();
    TestSession session = acceptor.nextSession();

    // Multi-byte characters make the UTF-8 decoding cross read-buffer boundaries.
    StringBuilder big = new StringBuilder();
    while (big.length() < 600_000) {
      big.append("xin chào thế giới 😀 ").append(big.length()).append(' ');
    }
    String frame = big.toString();
    assertTrue(frame.getBytes(java.nio.charset.StandardCharsets.UTF_8).length < FAST.maxInboundFrameBytes());
    assertTrue(transport.send(frame));
    assertEquals(frame, session.nextFrame());
    assertEquals(frame, listener.nextFrame());
    transport.close();
    session.awaitClose();
  }

  @Test
  void missingOrBadTokenIsRefusedWith401JsonBeforeTheUpgrade() throws Exception {
    TestAcceptor acceptor = new TestAcceptor();
    WebSocketEndpoint endpoint = server.mount(acceptor, FAST);

    try (RawWebSocket missing = raw(endpoint, Map.of())) {
      assertEquals(401, missing.status());
      assertTrue(missing.header("content-type").startsWith("application/json"));
      assertEquals("Bearer", missing.header("www-authenticate"));
      assertEquals("{\"code\":\"unauthenticated\",\"message\":\"missing access token\"}", missing.body());
    }
    try (RawWebSocket expired = raw(endpoint, Map.of("Authorization", "Bearer expired"))) {
      assertEquals(401, expired.status());
      assertEquals("{\"code\":\"token_expired\",\"message\":\"access token expired\"}", expired.body());
    }

    RecordingListener noToken = connect(client(endpoint, ""));
    assertEquals(CloseReason.UNAUTHENTICATED, noToken.awaitClose());
    RecordingListener badToken = connect(client(endpoint, "forged"));
    assertEquals(CloseReason.UNAUTHENTICATED, badToken.awaitClose());
    assertFalse(badToken.awaitClose().shouldReconnect());
    assertTrue(acceptor.noSessionWithin(100), "no session for refused clients");
    assertEquals(1, noToken.closeCount());
    assertEquals(1, badToken.closeCount());
    assertEquals(0, endpoint.openConnections());
  }

  @Test
  void tokenIsAcceptedFromHeaderSubprotocolAndQuery() throws Exception {
    TestAcceptor acceptor = new TestAcceptor();
    WebSocketEndpoint endpoint = server.mount(acceptor, FAST);
    for (TokenCarrier carrier : TokenCarrier.values()) {
      // Characters a subprotocol or URL may not carry raw travel encoded and arrive intact (headers are ASCII).
      String oddToken = carrier == TokenCarrier.HEADER ? "user-4;b/=%,+" : "user-4;ä b/=%,+";
      ClientTransport transport = client(endpoint, oddToken, carrier);
      RecordingListener listener = connect(transport);
      listener.awaitOpen();
      assertEquals(oddToken, acceptor.nextHandshake().accessToken(), carrier.name());
      TestSession session = acceptor.nextSession();
      assertEquals(UserId.of(4), session.principal().userId());
      assertTrue(transport.send("via " + carrier));
      assertEquals("via " + carrier, listener.nextFrame());
      transport.close();
      session.awaitClose();
    }

    try (RawWebSocket browserLike = raw(endpoint, Map.of("Sec-WebSocket-Protocol", "senchat.v1, bearer.user-5"))) {
      assertEquals(101, browserLike.status());
      assertEquals("senchat.v1", browserLike.header("sec-websocket-protocol"));
      assertEquals(UserId.of(5), acceptor.nextSession().principal().userId());
    }
  }

  @Test
  void originIsCheckedBeforeTheUpgrade() throws Exception {
    TestAcceptor acceptor = new TestAcceptor();
    WebSocketEndpoint sameOriginOnly = server.mount(acceptor, FAST);
    WebSocketEndpoint withList =
        server.mount(acceptor, FAST.withAllowedOrigins(List.of("https://app.example.com/")));
    String token = "Bearer user-6";

    try (RawWebSocket evil = raw(sameOriginOnly, Map.of("Origin", "http://evil.example", "Authorization", token))) {
      assertEquals(403, evil.status());
      assertEquals("{\"code\":\"forbidden\",\"message\":\"origin not allowed: http://evil.example\"}", evil.body());
    }
    try (RawWebSocket otherHost =
        raw(sameOriginOnly, Map.of("Origin", "http://localhost:" + server.port(), "Authorization", token))) {
      assertEquals(403, otherHost.status());
    }
    try (RawWebSocket listedWrongPort =
        raw(withList, Map.of("Origin", "https://app.example.com:444", "Authorization", token))) {
      assertEquals(403, listedWrongPort.status());
    }
    assertTrue(acceptor.noSessionWithin(50), "refused origins must not reach the acceptor");

    List<Map<String, String>> allowed = List.of(
        Map.of("Origin", "http://127.0.0.1:" + server.port(), "Authorization", token),
        Map.of("Authorization", token));
    for (Map<String, String> headers : allowed) {
      try (RawWebSocket socket = raw(sameOriginOnly, headers)) {
        assertEquals(101, socket.status(), headers.toString());
        acceptor.nextSession();
      }
    }
    try (RawWebSocket listed = raw(withList, Map.of("Origin", "https://APP.example.com", "Authorization", token))) {
      assertEquals(101, listed.status());
      acceptor.nextSession();
    }
  }

  @Test
  void frameOverTheCapClosesTooLargeAndTheServerKeepsServing() throws Exception {
    TestAcceptor acceptor = new TestAcceptor();
    WebSocketEndpoint endpoint = server.mount(acceptor, FAST.withMaxInboundFrameBytes(64 * 1024));
    ClientTransport transport = client(endpoint, "user-7");
    RecordingListener listener = connect(transport);
    listener.awaitOpen();
    TestSession session = acceptor.nextSession();

    transport.send("x".repeat(100_000));
    assertEquals(CloseReason.TOO_LARGE, listener.awaitClose());
    assertEquals(CloseReason.TOO_LARGE, session.awaitClose());
    assertClosedOnce(listener, session);

    ClientTransport next = client(endpoint, "user-8");
    RecordingListener nextListener = connect(next);
    nextListener.awaitOpen();
    TestSession nextSession = acceptor.nextSession();
    assertTrue(next.send("still serving"));
    assertEquals("still serving", nextListener.nextFrame());
    next.close();
    nextSession.awaitClose();
  }

  @Test
  void slowConsumerIsCutWhileOthersKeepReceivingPromptly() throws Exception {
    TestAcceptor acceptor = new TestAcceptor();
    WebSocketEndpoint endpoint = server.mount(acceptor, FAST.withSendQueue(64, 256 * 1024));

    // A client with a tiny receive window that never reads.
    RawWebSocket stalled = RawWebSocket.open(server.port(), endpoint.options().path(),
        Map.of("Authorization", "Bearer user-9"), 4096);
    assertEquals(101, stalled.status());
    TestSession stalledSession = acceptor.nextSession();
    ClientTransport healthy = client(endpoint, "user-10");
    RecordingListener healthyListener = connect(healthy);
    healthyListener.awaitOpen();
    TestSession healthySession = acceptor.nextSession();

    String chunk = "s".repeat(8 * 1024);
    long start = System.nanoTime();
    int sent = 0;
    int ticks = 0;
    boolean refused = false;
    for (int i = 0; i < 20_000 && !refused; i++) {
      refused = !stalledSession.connection().send(chunk);
      if (!refused) {
        sent++;
      }
      if (i % 100 == 0) {
        assertTrue(healthySession.connection().send("tick" + ticks++));
      }
    }
    long floodMillis = (System.nanoTime() - start) / 1_000_000;
    assertTrue(refused, "send must refuse once the queue is full");
    assertTrue(floodMillis < 5_000, "sends must never block: flood took " + floodMillis + " ms");
    assertEquals(CloseReason.SLOW_CONSUMER, stalledSession.awaitClose());
    assertFalse(stalledSession.connection().send("more"));

    for (int i = 0; i < ticks; i++) {
      assertEquals("tick" + i, healthyListener.nextFrame());
    }
    long pushed = System.nanoTime();
    healthySession.connection().send("after the flood");
    assertEquals("after the flood", healthyListener.nextFrame());
    long latencyMillis = (System.nanoTime() - pushed) / 1_000_000;
    assertTrue(latencyMillis < 1_000, "healthy client waited " + latencyMillis + " ms");
    assertTrue(sent > 0);
    stalled.close();
    healthy.close();
    healthySession.awaitClose();
    assertEquals(1, stalledSession.closeCount());
  }

  @Test
  void silentPeerIsClosedByTheHeartbeatWhileTheJvmClientStays() throws Exception {
    TestAcceptor acceptor = new TestAcceptor();
    WebSocketEndpoint endpoint =
        server.mount(acceptor, FAST.withHeartbeat(Duration.ofMillis(200), Duration.ofMillis(600)));

    long start = System.nanoTime();
    try (RawWebSocket silent = raw(endpoint, Map.of("Authorization", "Bearer user-11"))) {
      assertEquals(101, silent.status());
      TestSession silentSession = acceptor.nextSession();
      ClientTransport jvm = client(endpoint, "user-12");
      RecordingListener jvmListener = connect(jvm);
      jvmListener.awaitOpen();
      TestSession jvmSession = acceptor.nextSession();

      assertEquals(CloseReason.HEARTBEAT_TIMEOUT, silentSession.awaitClose());
      long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
      assertTrue(elapsedMillis >= 550, "closed too early: " + elapsedMillis + " ms");
      // The silent client received pings it never answered, then the close frame with the reason.
      assertEquals(CloseReason.HEARTBEAT_TIMEOUT.code(), silent.readUntilClose());

      // The JVM client connected at the same time and answered every ping: still open, still served.
      assertTrue(jvm.send("still here"));
      assertEquals("still here", jvmListener.nextFrame());
      assertTrue(jvmListener.isOpen());
      assertFalse(jvmSession.isClosed());
      jvm.close();
      jvmListener.awaitClose();
      jvmSession.awaitClose();
      assertClosedOnce(jvmListener, jvmSession);
      assertEquals(1, silentSession.closeCount());
    }
  }

  @Test
  void binaryFrameIsAProtocolError() throws Exception {
    TestAcceptor acceptor = new TestAcceptor();
    WebSocketEndpoint endpoint = server.mount(acceptor, FAST);
    try (RawWebSocket socket = raw(endpoint, Map.of("Authorization", "Bearer user-13"))) {
      TestSession session = acceptor.nextSession();
      socket.sendFrame(RawWebSocket.BINARY, new byte[] {1, 2, 3});
      assertEquals(CloseReason.PROTOCOL_ERROR, session.awaitClose());
      assertEquals(CloseReason.PROTOCOL_ERROR.code(), socket.readUntilClose());
    }
  }

  @Test
  void shutdownClosesEveryClientWithGoingAwayAndRefusesNewOnes() throws Exception {
    TestAcceptor acceptor = new TestAcceptor();
    // A long close timeout, to show that shutdown returns as soon as the clients have answered.
    WebSocketEndpoint endpoint = server.mount(acceptor, FAST.withCloseTimeout(Duration.ofSeconds(3)));
    List<RecordingListener> listeners = new ArrayList<>();
    List<TestSession> sessions = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      RecordingListener listener = connect(client(endpoint, "user-2" + i));
      listener.awaitOpen();
      listeners.add(listener);
      sessions.add(acceptor.nextSession());
    }
    assertEquals(3, endpoint.openConnections());

    long start = System.nanoTime();
    endpoint.shutdown();
    long shutdownMillis = (System.nanoTime() - start) / 1_000_000;
    assertEquals(0, endpoint.openConnections());
    assertTrue(shutdownMillis < 2_000,
        "clients answer the close at once, so shutdown need not wait the timeout: " + shutdownMillis + " ms");
    for (int i = 0; i < 3; i++) {
      assertEquals(CloseReason.GOING_AWAY, listeners.get(i).awaitClose());
      assertTrue(listeners.get(i).awaitClose().shouldReconnect());
      assertEquals(CloseReason.GOING_AWAY, sessions.get(i).awaitClose());
      assertClosedOnce(listeners.get(i), sessions.get(i));
    }

    try (RawWebSocket late = raw(endpoint, Map.of("Authorization", "Bearer user-1"))) {
      assertEquals(503, late.status());
      assertTrue(late.body().contains("\"unavailable\""));
    }
    assertEquals(CloseReason.ABNORMAL, connect(client(endpoint, "user-1")).awaitClose());
  }

  @Test
  void browsersCanBeRefusedWithACloseFrameTheyCanRead() throws Exception {
    TestAcceptor acceptor = new TestAcceptor();
    WebSocketEndpoint endpoint = server.mount(acceptor, FAST.withRefuseBrowsersWithCloseFrame(true));

    RecordingListener browserLike = connect(client(endpoint, "forged", TokenCarrier.SUBPROTOCOL));
    assertEquals(CloseReason.UNAUTHENTICATED, browserLike.awaitClose());
    try (RawWebSocket socket = raw(endpoint, Map.of("Sec-WebSocket-Protocol", "senchat.v1, bearer.forged"))) {
      assertEquals(101, socket.status());
      assertEquals(CloseReason.UNAUTHENTICATED.code(), socket.readUntilClose());
    }
    // Clients that can read a status still get the plain 401.
    try (RawWebSocket socket = raw(endpoint, Map.of("Authorization", "Bearer forged"))) {
      assertEquals(401, socket.status());
    }
    assertTrue(acceptor.noSessionWithin(100));
  }

  @Test
  void coreRefusingTheSessionClosesWithItsReason() throws Exception {
    TestAcceptor acceptor = new TestAcceptor();
    WebSocketEndpoint endpoint = server.mount(acceptor, FAST);
    RecordingListener listener = connect(client(endpoint, TestAcceptor.REFUSED_AT_OPEN));
    assertEquals(CloseReason.UNAUTHENTICATED, listener.awaitClose());
    assertEquals(1, listener.closeCount());
  }

  @Test
  void serverCloseWithItsOwnCodeReachesTheClient() throws Exception {
    TestAcceptor acceptor = new TestAcceptor();
    WebSocketEndpoint endpoint = server.mount(acceptor, FAST);
    RecordingListener listener = connect(client(endpoint, "user-14"));
    listener.awaitOpen();
    TestSession session = acceptor.nextSession();
    session.connection().send("last words");
    CloseReason custom = new CloseReason(4100, "replaced by another device");
    session.connection().close(custom);
    session.connection().close(CloseReason.NORMAL);
    assertEquals("last words", listener.nextFrame());
    assertEquals(custom, listener.awaitClose());
    assertEquals(custom, session.awaitClose());
    assertClosedOnce(listener, session);
  }

  @Test
  void plainRequestsGetJsonAnswers() throws Exception {
    TestAcceptor acceptor = new TestAcceptor();
    WebSocketEndpoint endpoint = server.mount(acceptor, FAST);
    URI uri = URI.create(server.baseUrl() + endpoint.options().path());

    HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(uri).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(401, anonymous.statusCode());
    HttpResponse<String> notUpgrade = http.send(
        HttpRequest.newBuilder(uri).header("Authorization", "Bearer user-1").build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(400, notUpgrade.statusCode());
    assertTrue(notUpgrade.body().startsWith("{\"code\":\"bad_frame\""), notUpgrade.body());
  }

  @Test
  void slowCoreHoldsReadsBackWithoutLosingOrReorderingFrames() throws Exception {
    CountDownLatch gate = new CountDownLatch(1);
    TestAcceptor acceptor = new TestAcceptor(false, gate);
    WebSocketEndpoint endpoint = server.mount(acceptor, FAST.withMaxPendingInboundFrames(8));
    ClientTransport transport = client(endpoint, "user-15");
    RecordingListener listener = connect(transport);
    listener.awaitOpen();
    TestSession session = acceptor.nextSession();

    int count = 300;
    for (int i = 0; i < count; i++) {
      assertTrue(transport.send("f" + i));
    }
    gate.countDown();
    for (int i = 0; i < count; i++) {
      assertEquals("f" + i, session.nextFrame());
    }
    assertFalse(session.overlapped());
    transport.close();
    assertNotNull(session.awaitClose());
  }
}
