package io.senchat.transport.longpoll.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.senchat.domain.transport.ClientTransport;
import io.senchat.domain.transport.CloseReason;
import io.senchat.domain.transport.testkit.RecordingListener;
import io.senchat.domain.transport.testkit.TestAcceptor;
import io.senchat.domain.transport.testkit.TestSession;
import io.senchat.transport.longpoll.server.LongPollEndpoint;
import io.senchat.transport.longpoll.server.LongPollServerOptions;
import io.senchat.transport.longpoll.shared.OpenAnswer;
import io.senchat.transport.longpoll.shared.PollBatch;
import io.senchat.transport.longpoll.testkit.CuttingProxy;
import io.senchat.transport.longpoll.testkit.TestServer;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The JVM client against the real endpoint (and a scripted one) over real sockets on 127.0.0.1. */
class LongPollTransportTest {

  private static final LongPollServerOptions FAST =
      LongPollServerOptions.defaults().withCloseTimeout(Duration.ofMillis(500));

  private static TestServer server;
  private static HttpClient http;
  private static ExecutorService pool;

  @BeforeAll
  static void start() {
    server = new TestServer();
    pool = Executors.newCachedThreadPool();
    http = HttpClient.newBuilder().executor(pool).build();
  }

  @AfterAll
  static void stop() {
    server.close();
    pool.shutdownNow();
  }

  private static LongPollClientOptions options(String path) {
    return LongPollClientOptions.defaults().withPath(path).withRequestTimeout(Duration.ofSeconds(3))
        .withPollRetries(3, Duration.ofMillis(20));
  }

  private static ClientTransport client(String baseUrl, String path, String token) {
    return new LongPollTransportFactory(http, options(path), pool).create(baseUrl, token);
  }

  private static RecordingListener connect(ClientTransport transport) {
    RecordingListener listener = new RecordingListener();
    transport.connect(listener);
    return listener;
  }

  @Test
  void echoesManyFramesInOrderBothWaysAndClosesNormally() throws Exception {
    TestAcceptor acceptor = new TestAcceptor();
    LongPollEndpoint endpoint = server.mount(acceptor, FAST);
    ClientTransport transport = client(server.baseUrl(), endpoint.options().path(), "user-1");
    RecordingListener listener = connect(transport);
    listener.awaitOpen();
    TestSession session = acceptor.nextSession();
    for (int i = 0; i < 500; i++) {
      assertTrue(transport.send("frame-" + i + " ✓"));
    }
    for (int i = 0; i < 500; i++) {
      assertEquals("frame-" + i + " ✓", listener.nextFrame());
    }
    transport.close();
    assertEquals(CloseReason.NORMAL, listener.awaitClose());
    assertEquals(CloseReason.NORMAL, session.awaitClose());
    assertFalse(listener.overlapped());
    assertFalse(session.overlapped());
    assertEquals(0, listener.eventsAfterClose());
    assertFalse(transport.send("after close"));
  }

  @Test
  void aPollBrokenInFlightIsRetriedAndEveryFrameArrivesOnceInOrder() throws Exception {
    TestAcceptor acceptor = new TestAcceptor(false, new CountDownLatch(0));
    LongPollEndpoint endpoint = server.mount(acceptor, FAST);
    try (CuttingProxy proxy = new CuttingProxy(server.port())) {
      ClientTransport transport = client(proxy.baseUrl(), endpoint.options().path(), "user-2");
      RecordingListener listener = connect(transport);
      listener.awaitOpen();
      TestSession session = acceptor.nextSession();
      session.connection().send("one");
      assertEquals("one", listener.nextFrame());

      proxy.armCut();
      session.connection().send("two");
      session.connection().send("three");
      assertTrue(proxy.awaitCut(5_000), "the answer carrying two and three was cut");
      session.connection().send("four");
      assertEquals("two", listener.nextFrame());
      List<String> rest = new ArrayList<>();
      rest.add(listener.nextFrame());
      rest.add(listener.nextFrame());
      assertEquals(List.of("three", "four"), rest);
      assertNull(listener.pollFrame(300), "nothing twice");
      assertTrue(listener.isOpen(), "the same session goes on");
      assertFalse(session.isClosed());
      transport.close();
    }
  }

  @Test
  void framesAtOrBelowTheCursorAreNeverHandedOnTwice() throws Exception {
    // A server that answers the second poll with an overlapping batch, as one that lost an ack would.
    AtomicInteger polls = new AtomicInteger();
    List<String> acks = new java.util.concurrent.CopyOnWriteArrayList<>();
    String path = server.mount(exchange -> scripted(exchange, polls, acks));
    ClientTransport transport = client(server.baseUrl(), path, "user-3");
    RecordingListener listener = connect(transport);
    listener.awaitOpen();
    assertEquals(List.of("a", "b", "c", "d", "e"), List.of(listener.nextFrame(), listener.nextFrame(),
        listener.nextFrame(), listener.nextFrame(), listener.nextFrame()));
    assertEquals(CloseReason.GOING_AWAY, listener.awaitClose());
    assertEquals(List.of("0", "3", "5"), acks);
  }

  private static void scripted(HttpServerExchange exchange, AtomicInteger polls, List<String> acks) {
    exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/json");
    if (exchange.getRelativePath().endsWith("/open")) {
      exchange.getResponseSender().send(new OpenAnswer("scripted", 1_000, 10).encode(), StandardCharsets.UTF_8);
      return;
    }
    if (exchange.getRequestMethod().toString().equals("DELETE")) {
      exchange.setStatusCode(204);
      return;
    }
    acks.add(exchange.getQueryParameters().get("ack").getFirst());
    PollBatch batch = switch (polls.incrementAndGet()) {
      case 1 -> new PollBatch(3, List.of("a", "b", "c"), null);
      case 2 -> new PollBatch(5, List.of("b", "c", "d", "e"), null);
      default -> new PollBatch(5, List.of("e"), CloseReason.GOING_AWAY);
    };
    exchange.getResponseSender().send(batch.encode(), StandardCharsets.UTF_8);
  }

  @Test
  void refusedCredentialsCloseUnauthenticated() throws Exception {
    LongPollEndpoint endpoint = server.mount(new TestAcceptor(), FAST);
    for (String token : List.of("", "expired", "nobody")) {
      RecordingListener listener = connect(client(server.baseUrl(), endpoint.options().path(), token));
      assertEquals(CloseReason.UNAUTHENTICATED, listener.awaitClose(), token);
      assertFalse(listener.isOpen());
    }
    RecordingListener banned = connect(client(server.baseUrl(), endpoint.options().path(),
        TestAcceptor.REFUSED_AT_OPEN));
    assertEquals(CloseReason.UNAUTHENTICATED, banned.awaitClose());
  }

  @Test
  void anOversizeFrameClosesTooLarge() throws Exception {
    TestAcceptor acceptor = new TestAcceptor();
    LongPollEndpoint endpoint = server.mount(acceptor, FAST.withCloseTimeout(Duration.ofSeconds(3)).withUpstream(1_000, 10, 20_000));
    ClientTransport transport = client(server.baseUrl(), endpoint.options().path(), "user-4");
    RecordingListener listener = connect(transport);
    listener.awaitOpen();
    TestSession session = acceptor.nextSession();
    assertTrue(transport.send("y".repeat(1_001)));
    assertEquals(CloseReason.TOO_LARGE, listener.awaitClose());
    assertEquals(CloseReason.TOO_LARGE, session.awaitClose());
  }

  @Test
  void aSlowListenerMakesTheServerCloseItAsASlowConsumer() throws Exception {
    TestAcceptor acceptor = new TestAcceptor(false, new CountDownLatch(0));
    LongPollEndpoint endpoint = server.mount(acceptor, FAST.withCloseTimeout(Duration.ofSeconds(3)).withBuffer(20, 1 << 20));
    CountDownLatch release = new CountDownLatch(1);
    RecordingListener recorder = new RecordingListener();
    ClientTransport transport = client(server.baseUrl(), endpoint.options().path(), "user-5");
    transport.connect(new io.senchat.domain.transport.ClientTransportListener() {
      @Override
      public void onOpen() {
        recorder.onOpen();
      }

      @Override
      public void onFrame(String frame) {
        recorder.onFrame(frame);
        try {
          release.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }

      @Override
      public void onClose(CloseReason reason) {
        recorder.onClose(reason);
      }
    });
    recorder.awaitOpen();
    TestSession session = acceptor.nextSession();
    session.connection().send("first");
    assertEquals("first", recorder.nextFrame());
    int sent = 1;
    while (session.connection().send("more-" + sent)) {
      sent++;
      assertTrue(sent < 100);
    }
    assertEquals(CloseReason.SLOW_CONSUMER, session.awaitClose());
    release.countDown();
    assertEquals(CloseReason.SLOW_CONSUMER, recorder.awaitClose());
  }

  @Test
  void aFullSendQueueClosesWithSlowConsumer() throws Exception {
    TestAcceptor acceptor = new TestAcceptor(false, new CountDownLatch(1));
    LongPollEndpoint endpoint = server.mount(acceptor, FAST);
    ClientTransport transport = new LongPollTransportFactory(http,
        options(endpoint.options().path()).withSendQueueMaxFrames(5).withMaxFramesPerPost(1), pool)
        .create(server.baseUrl(), "user-6");
    RecordingListener listener = connect(transport);
    listener.awaitOpen();
    boolean refused = false;
    for (int i = 0; i < 20 && !refused; i++) {
      refused = !transport.send("f" + i);
    }
    assertTrue(refused, "a core that never takes a frame fills the queue");
    assertEquals(CloseReason.SLOW_CONSUMER, listener.awaitClose());
  }

  @Test
  void aServerGoneForGoodClosesAbnormallyAfterTheRetries() throws Exception {
    TestAcceptor acceptor = new TestAcceptor();
    LongPollEndpoint endpoint = server.mount(acceptor, FAST);
    ClientTransport transport = client(server.baseUrl(), endpoint.options().path(), "user-7");
    RecordingListener listener = connect(transport);
    listener.awaitOpen();
    TestSession session = acceptor.nextSession();
    // The server forgets the session without telling (as after a crash): polls get 404.
    endpoint.shutdown();
    CloseReason reason = listener.awaitClose();
    assertTrue(reason.equals(CloseReason.GOING_AWAY) || reason.equals(CloseReason.ABNORMAL), reason.toString());
    assertTrue(reason.shouldReconnect());
    assertEquals(CloseReason.GOING_AWAY, session.awaitClose());

    RecordingListener nobody = connect(client("http://127.0.0.1:1", "/poll", "user-1"));
    assertEquals(CloseReason.ABNORMAL, nobody.awaitClose());
  }

  @Test
  void lifecycleRules() throws Exception {
    LongPollEndpoint endpoint = server.mount(new TestAcceptor(), FAST);
    ClientTransport transport = client(server.baseUrl(), endpoint.options().path(), "user-8");
    assertFalse(transport.send("before connect"));
    RecordingListener listener = connect(transport);
    assertThrows(IllegalStateException.class, () -> transport.connect(new RecordingListener()));
    listener.awaitOpen();
    transport.close();
    transport.close();
    assertEquals(CloseReason.NORMAL, listener.awaitClose());
    assertEquals(1, listener.closeCount());
    ClientTransport never = client(server.baseUrl(), endpoint.options().path(), "user-8");
    never.close();
    assertThrows(IllegalStateException.class, () -> never.connect(new RecordingListener()));
    assertThrows(IllegalArgumentException.class, () -> client("ws://x", "/poll", "t"));
  }
}
