package io.senchat.transport.ws.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.senchat.domain.transport.ClientTransport;
import io.senchat.domain.transport.ClientTransportListener;
import io.senchat.domain.transport.CloseReason;
import io.senchat.domain.transport.testkit.RecordingListener;
import io.senchat.domain.transport.testkit.TestAcceptor;
import io.senchat.domain.transport.testkit.TestSession;
import io.senchat.transport.ws.server.WebSocketEndpoint;
import io.senchat.transport.ws.server.WebSocketServerOptions;
import io.senchat.transport.ws.testkit.TestServer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The JVM client's own duties: connect failures, timeouts, its bounded send queue, its caps and its lifecycle. */
class JdkWebSocketTransportTest {

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

  private static WebSocketClientOptions options(String path) {
    return WebSocketClientOptions.defaults().withPath(path).withConnectTimeout(Duration.ofSeconds(3));
  }

  private static ClientTransport transport(String baseUrl, WebSocketClientOptions options, String token) {
    return new JdkWebSocketTransportFactory(http, options, pool).create(baseUrl, token);
  }

  @Test
  void refusedConnectionIsAbnormalAndWorthRetrying() throws Exception {
    int port;
    try (ServerSocket unused = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = unused.getLocalPort();
    }
    RecordingListener listener = new RecordingListener();
    transport("http://127.0.0.1:" + port, options("/ws"), "user-1").connect(listener);
    CloseReason reason = listener.awaitClose();
    assertEquals(CloseReason.ABNORMAL, reason);
    assertTrue(reason.shouldReconnect());
    assertEquals(1, listener.closeCount());
    assertFalse(listener.isOpen());
  }

  @Test
  void serverThatNeverAnswersTimesOut() throws Exception {
    // The kernel completes the TCP handshake into the backlog; nobody ever answers the upgrade request.
    try (ServerSocket mute = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
      RecordingListener listener = new RecordingListener();
      long start = System.nanoTime();
      transport("http://127.0.0.1:" + mute.getLocalPort(),
          options("/ws").withConnectTimeout(Duration.ofMillis(300)), "user-1").connect(listener);
      assertEquals(CloseReason.ABNORMAL, listener.awaitClose());
      long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
      assertTrue(elapsedMillis >= 250 && elapsedMillis < 3_000, "timed out after " + elapsedMillis + " ms");
    }
  }

  @Test
  void silentServerIsDetectedByTheReadIdleTimeout() throws Exception {
    TestAcceptor acceptor = new TestAcceptor();
    WebSocketEndpoint endpoint = server.mount(acceptor, FAST.withHeartbeat(Duration.ZERO, Duration.ofSeconds(1)));
    RecordingListener listener = new RecordingListener();
    transport(server.baseUrl(), options(endpoint.options().path()).withReadIdleTimeout(Duration.ofMillis(300)),
        "user-2").connect(listener);
    listener.awaitOpen();
    TestSession session = acceptor.nextSession();
    assertEquals(CloseReason.HEARTBEAT_TIMEOUT, listener.awaitClose());
    // The client dropped the socket, as it would a dead one.
    assertEquals(CloseReason.ABNORMAL, session.awaitClose());
    assertEquals(1, listener.closeCount());
  }

  @Test
  void fullSendQueueClosesWithSlowConsumer() throws Exception {
    // A core that blocks on the first frame, and an endpoint that then stops reading: TCP fills up.
    CountDownLatch gate = new CountDownLatch(1);
    TestAcceptor acceptor = new TestAcceptor(false, gate);
    WebSocketEndpoint endpoint = server.mount(acceptor, FAST.withMaxPendingInboundFrames(1));
    ClientTransport transport =
        transport(server.baseUrl(), options(endpoint.options().path()).withSendQueueMaxFrames(8), "user-3");
    RecordingListener listener = new RecordingListener();
    transport.connect(listener);
    listener.awaitOpen();
    TestSession session = acceptor.nextSession();
    try {
      String chunk = "q".repeat(256 * 1024);
      boolean refused = false;
      for (int i = 0; i < 400 && !refused; i++) {
        refused = !transport.send(chunk);
      }
      assertTrue(refused, "send must refuse once the queue is full");
      assertEquals(CloseReason.SLOW_CONSUMER, listener.awaitClose());
      assertFalse(transport.send("after close"));
    } finally {
      gate.countDown();
    }
    assertNotNull(session.awaitClose());
    assertEquals(1, listener.closeCount());
  }

  @Test
  void messageOverTheClientCapClosesTooLarge() throws Exception {
    TestAcceptor acceptor = new TestAcceptor();
    WebSocketEndpoint endpoint = server.mount(acceptor, FAST);
    RecordingListener listener = new RecordingListener();
    transport(server.baseUrl(), options(endpoint.options().path()).withMaxInboundFrameChars(1_000), "user-4")
        .connect(listener);
    listener.awaitOpen();
    TestSession session = acceptor.nextSession();
    session.connection().send("small");
    session.connection().send("b".repeat(5_000));
    assertEquals("small", listener.nextFrame());
    assertEquals(CloseReason.TOO_LARGE, listener.awaitClose());
    // A client cannot send 1009, and 1000 would be a lie: it drops the connection.
    assertEquals(CloseReason.ABNORMAL, session.awaitClose());
  }

  @Test
  void lifecycleRules() throws Exception {
    TestAcceptor acceptor = new TestAcceptor();
    WebSocketEndpoint endpoint = server.mount(acceptor, FAST);
    WebSocketClientOptions options = options(endpoint.options().path());

    ClientTransport unused = transport(server.baseUrl(), options, "user-5");
    assertFalse(unused.send("not connected"));
    unused.close();
    assertThrows(IllegalStateException.class, () -> unused.connect(new RecordingListener()));

    ClientTransport once = transport(server.baseUrl(), options, "user-5");
    RecordingListener listener = new RecordingListener();
    once.connect(listener);
    assertThrows(IllegalStateException.class, () -> once.connect(new RecordingListener()));
    listener.awaitOpen();
    TestSession session = acceptor.nextSession();
    once.close();
    once.close();
    assertEquals(CloseReason.NORMAL, listener.awaitClose());
    assertFalse(listener.awaitClose().shouldReconnect());
    session.awaitClose();
    assertEquals(1, listener.closeCount());
  }

  @Test
  void closeWhileConnectingReportsNormalOnceAndNeverOpens() throws Exception {
    TestAcceptor acceptor = new TestAcceptor();
    WebSocketEndpoint endpoint = server.mount(acceptor, FAST);
    ClientTransport transport = transport(server.baseUrl(), options(endpoint.options().path()), "user-6");
    CountDownLatch opened = new CountDownLatch(1);
    RecordingListener listener = new RecordingListener();
    transport.connect(new ClientTransportListener() {
      @Override
      public void onOpen() {
        opened.countDown();
      }

      @Override
      public void onClose(CloseReason reason) {
        listener.onClose(reason);
      }
    });
    transport.close();
    assertEquals(CloseReason.NORMAL, listener.awaitClose());
    // Give a late upgrade the chance to (wrongly) report onOpen after onClose.
    acceptor.noSessionWithin(200);
    assertEquals(1, opened.getCount(), "onOpen must never follow onClose");
    assertEquals(1, listener.closeCount());
  }
}
