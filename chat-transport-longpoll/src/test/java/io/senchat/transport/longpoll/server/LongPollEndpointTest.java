package io.senchat.transport.longpoll.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.senchat.domain.transport.CloseReason;
import io.senchat.domain.transport.Handshake;
import io.senchat.domain.transport.testkit.TestAcceptor;
import io.senchat.domain.transport.testkit.TestSession;
import io.senchat.transport.longpoll.shared.PollBatch;
import io.senchat.transport.longpoll.testkit.RawPoll;
import io.senchat.transport.longpoll.testkit.RawPoll.Answer;
import io.senchat.transport.longpoll.testkit.TestServer;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Undertow endpoint over real sockets on 127.0.0.1, driven by hand-written requests. */
class LongPollEndpointTest {

  /** Production settings except short close timeouts, so that nothing in a test waits long. */
  private static final LongPollServerOptions FAST =
      LongPollServerOptions.defaults().withCloseTimeout(Duration.ofMillis(500));

  /** For tests that poll after a close: the closed session must outlive a slow machine's pause. */
  private static final LongPollServerOptions LINGERING = FAST.withCloseTimeout(Duration.ofSeconds(3));

  private static TestServer server;
  private static HttpClient http;

  @BeforeAll
  static void start() {
    server = new TestServer();
    http = HttpClient.newHttpClient();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static RawPoll raw(LongPollEndpoint endpoint) {
    return new RawPoll(http, server.baseUrl() + endpoint.options().path());
  }

  @Test
  void framesAreBufferedUntilAckedAndRedeliveredUntilThen() throws Exception {
    TestAcceptor acceptor = new TestAcceptor(false, new CountDownLatch(0));
    RawPoll raw = raw(server.mount(acceptor, FAST));
    String sid = raw.open("user-1");
    TestSession session = acceptor.nextSession();
    assertEquals(1, session.principal().userId().value());
    for (String frame : List.of("a", "b", "c")) {
      assertTrue(session.connection().send(frame));
    }

    PollBatch first = raw.poll(sid, 0).batch();
    assertEquals(new PollBatch(3, List.of("a", "b", "c"), null), first);
    // The answer was "lost": the same poll again gets the same frames, numbered the same.
    assertEquals(first, raw.poll(sid, 0).batch());
    // Acknowledging two leaves the third.
    assertEquals(new PollBatch(3, List.of("c"), null), raw.poll(sid, 2).batch());

    CompletableFuture<Answer> held = raw.pollAsync(sid, 3);
    assertFalse(waitDone(held, 200), "nothing to say: the poll is held");
    session.connection().send("d");
    assertEquals(new PollBatch(4, List.of("d"), null), held.get(5, TimeUnit.SECONDS).batch());

    Answer tooFar = raw.poll(sid, 9);
    assertEquals(400, tooFar.status());
    assertTrue(tooFar.body().contains("\"code\":\"bad_frame\""), tooFar.body());
    assertEquals(204, raw.delete(sid).status());
    assertEquals(CloseReason.NORMAL, session.awaitClose());
  }

  @Test
  void aPollBrokenOnTheWireIsAnsweredAgainByTheNextPoll() throws Exception {
    TestAcceptor acceptor = new TestAcceptor(false, new CountDownLatch(0));
    LongPollEndpoint endpoint = server.mount(acceptor, FAST);
    RawPoll raw = raw(endpoint);
    String sid = raw.open("user-1");
    TestSession session = acceptor.nextSession();

    try (Socket socket = new Socket("127.0.0.1", server.port())) {
      OutputStream out = socket.getOutputStream();
      out.write(("GET " + endpoint.options().path() + "/" + sid + "?ack=0 HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
          .getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      // Held, then answered while the client reads one byte and hangs up: the answer is lost in flight.
      session.connection().send("lost-1");
      session.connection().send("lost-2");
      socket.setSoTimeout(5_000);
      InputStream in = socket.getInputStream();
      assertTrue(in.read() >= 0, "the answer started");
    }
    assertEquals(new PollBatch(2, List.of("lost-1", "lost-2"), null), raw.poll(sid, 0).batch());
  }

  @Test
  void upstreamFramesReachTheCoreInOrderAndAnswerAfterIt() throws Exception {
    TestAcceptor acceptor = new TestAcceptor(true, new CountDownLatch(0));
    RawPoll raw = raw(server.mount(acceptor, FAST));
    String sid = raw.open("user-2");
    TestSession session = acceptor.nextSession();
    for (int post = 0; post < 10; post++) {
      assertEquals(204, raw.post(sid, List.of("f" + post + "a", "f" + post + "b", "f" + post + "c")).status());
    }
    long ack = 0;
    StringBuilder seen = new StringBuilder();
    int received = 0;
    while (received < 30) {
      PollBatch batch = raw.poll(sid, ack).batch();
      for (String frame : batch.frames()) {
        seen.append(frame).append(' ');
        received++;
      }
      ack = batch.cursor();
    }
    StringBuilder expected = new StringBuilder();
    for (int post = 0; post < 10; post++) {
      expected.append("f").append(post).append("a f").append(post).append("b f").append(post).append("c ");
    }
    assertEquals(expected.toString(), seen.toString());
    assertEquals("f0a", session.nextFrame());
    assertFalse(session.overlapped());
  }

  @Test
  void missingOrExpiredTokensAreRefusedWith401Json() {
    TestAcceptor acceptor = new TestAcceptor();
    RawPoll raw = raw(server.mount(acceptor, FAST));
    Answer missing = raw.call("POST", "/open", null);
    assertEquals(401, missing.status());
    assertEquals("{\"code\":\"unauthenticated\",\"message\":\"missing access token\"}", missing.body());
    assertEquals("application/json; charset=utf-8", missing.header("content-type"));
    assertEquals("Bearer", missing.header("www-authenticate"));
    Answer expired = raw.call("POST", "/open", null, "Authorization", "Bearer expired");
    assertEquals(401, expired.status());
    assertTrue(expired.body().startsWith("{\"code\":\"token_expired\""), expired.body());
    // The query parameter is the last resort, as on the WebSocket.
    assertEquals(200, raw.call("POST", "/open?access_token=user-5", null).status());
  }

  @Test
  void originIsCheckedOnEveryRequestAndAllowedOriginsGetCors() throws Exception {
    TestAcceptor acceptor = new TestAcceptor();
    LongPollEndpoint endpoint = server.mount(acceptor,
        FAST.withAllowedOrigins(List.of("https://app.example.com")));
    RawPoll raw = raw(endpoint);
    Answer evil = raw.call("POST", "/open", null, "Authorization", "Bearer user-1", "Origin", "https://evil.example");
    assertEquals(403, evil.status());
    assertEquals("{\"code\":\"forbidden\",\"message\":\"origin not allowed: https://evil.example\"}", evil.body());
    assertTrue(acceptor.noSessionWithin(100));

    Answer allowed = raw.call("POST", "/open", null, "Authorization", "Bearer user-1",
        "Origin", "https://app.example.com");
    assertEquals(200, allowed.status(), allowed.body());
    assertEquals("https://app.example.com", allowed.header("access-control-allow-origin"));
    Handshake seen = acceptor.nextHandshake();
    assertEquals("https://app.example.com", seen.origin());
    assertEquals("", seen.header("authorization"), "the token never reaches the handshake's headers");
    String sid = io.senchat.transport.longpoll.shared.OpenAnswer.parse(allowed.body()).sessionId();
    assertEquals(403, raw.call("GET", "/" + sid + "?ack=0", null, "Origin", "https://evil.example").status());

    Answer preflight = raw.call("OPTIONS", "/open", null, "Origin", "https://app.example.com",
        "Access-Control-Request-Method", "POST");
    assertEquals(204, preflight.status());
    assertTrue(preflight.header("access-control-allow-headers").contains("Authorization"));
    // Same-origin pages always pass.
    String host = "127.0.0.1:" + server.port();
    assertEquals(200, raw.call("POST", "/open", null, "Authorization", "Bearer user-1",
        "Origin", "http://" + host).status());
  }

  @Test
  void anOversizeFrameIs413AndClosesTheSessionTooLarge() throws Exception {
    TestAcceptor acceptor = new TestAcceptor(false, new CountDownLatch(0));
    RawPoll raw = raw(server.mount(acceptor, LINGERING.withUpstream(1_000, 10, 20_000)));
    String sid = raw.open("user-3");
    TestSession session = acceptor.nextSession();
    assertEquals(204, raw.post(sid, List.of("x".repeat(1_000))).status(), "at the cap is fine");
    Answer tooLarge = raw.post(sid, List.of("ok", "é".repeat(501)));
    assertEquals(413, tooLarge.status());
    assertTrue(tooLarge.body().startsWith("{\"code\":\"too_large\""), tooLarge.body());
    assertEquals(CloseReason.TOO_LARGE, session.awaitClose());
    PollBatch last = raw.poll(sid, 0).batch();
    assertEquals(CloseReason.TOO_LARGE, last.close());
    assertEquals(404, raw.poll(sid, 0).status(), "a closed session is forgotten once its client heard the close");

    String second = raw.open("user-3");
    TestSession other = acceptor.nextSession();
    assertEquals(413, raw.post(second, java.util.Collections.nCopies(11, "f")).status(), "too many frames");
    assertEquals(CloseReason.TOO_LARGE, other.awaitClose());
  }

  @Test
  void aBrokenEnvelopeIsA400AndTheSessionStaysUsable() throws Exception {
    TestAcceptor acceptor = new TestAcceptor(true, new CountDownLatch(0));
    RawPoll raw = raw(server.mount(acceptor, FAST));
    String sid = raw.open("user-4");
    TestSession session = acceptor.nextSession();
    Answer notJson = raw.postRaw(sid, "{\"v\":1,");
    assertEquals(400, notJson.status());
    assertTrue(notJson.body().startsWith("{\"code\":\"bad_json\""), notJson.body());
    Answer notStrings = raw.postRaw(sid, "[{\"v\":1}]");
    assertEquals(400, notStrings.status());
    assertTrue(notStrings.body().startsWith("{\"code\":\"bad_frame\""), notStrings.body());
    assertEquals(204, raw.post(sid, List.of("still here")).status());
    assertEquals("still here", session.nextFrame());
    assertEquals(new PollBatch(1, List.of("still here"), null), raw.poll(sid, 0).batch());
    assertFalse(session.isClosed());
  }

  @Test
  void aSlowConsumerIsClosedAndHearsWhyWhileOthersKeepReceiving() throws Exception {
    TestAcceptor acceptor = new TestAcceptor(false, new CountDownLatch(0));
    RawPoll raw = raw(server.mount(acceptor, LINGERING.withBuffer(50, 1 << 20)));
    String slowSid = raw.open("user-5");
    TestSession slow = acceptor.nextSession();
    String fastSid = raw.open("user-6");
    TestSession fast = acceptor.nextSession();
    long fastAck = 0;
    int sent = 0;
    while (slow.connection().send("event-" + sent)) {
      sent++;
      assertTrue(fast.connection().send("event-" + sent));
      if (sent % 10 == 0) {
        PollBatch batch = raw.poll(fastSid, fastAck).batch();
        fastAck = batch.cursor();
      }
      assertTrue(sent <= 50, "the buffer bound holds");
    }
    assertEquals(50, sent);
    assertEquals(CloseReason.SLOW_CONSUMER, slow.awaitClose());
    PollBatch last = raw.poll(slowSid, 0).batch();
    assertEquals(List.of(), last.frames(), "it resumes by sync token, not from a stale buffer");
    assertEquals(CloseReason.SLOW_CONSUMER, last.close());
    assertTrue(fast.connection().send("after"));
    List<String> rest = raw.poll(fastSid, fastAck).batch().frames();
    assertEquals("after", rest.get(rest.size() - 1));
    assertFalse(fast.isClosed());
  }

  @Test
  void anAbandonedSessionExpiresButAHeldPollKeepsItAlive() throws Exception {
    TestAcceptor acceptor = new TestAcceptor(false, new CountDownLatch(0));
    LongPollEndpoint endpoint = server.mount(acceptor, LINGERING.withPollTimeout(Duration.ofMillis(300)));
    RawPoll raw = raw(endpoint);
    String abandonedSid = raw.open("user-7");
    TestSession abandoned = acceptor.nextSession();
    String livelySid = raw.open("user-8");
    TestSession lively = acceptor.nextSession();

    long started = System.nanoTime();
    // Each poll is held 300 ms and answered empty; the idle timeout is 600 ms.
    while (System.nanoTime() - started < TimeUnit.MILLISECONDS.toNanos(1_500)) {
      PollBatch empty = raw.poll(livelySid, 0).batch();
      assertEquals(List.of(), empty.frames());
      assertNull(empty.close());
    }
    assertEquals(CloseReason.HEARTBEAT_TIMEOUT, abandoned.awaitClose());
    assertFalse(lively.isClosed(), "a client that keeps polling is alive");
    Answer late = raw.poll(abandonedSid, 0);
    assertTrue(late.status() == 404 || CloseReason.HEARTBEAT_TIMEOUT.equals(late.batch().close()), late.body());
  }

  @Test
  void aSecondPollEndsTheFirstWithAnEmptyBatch() throws Exception {
    TestAcceptor acceptor = new TestAcceptor(false, new CountDownLatch(0));
    RawPoll raw = raw(server.mount(acceptor, FAST));
    String sid = raw.open("user-9");
    TestSession session = acceptor.nextSession();
    CompletableFuture<Answer> first = raw.pollAsync(sid, 0);
    assertFalse(waitDone(first, 200), "held");
    CompletableFuture<Answer> second = raw.pollAsync(sid, 0);
    assertEquals(new PollBatch(0, List.of(), null), first.get(5, TimeUnit.SECONDS).batch());
    assertFalse(waitDone(second, 200), "the newer poll is held");
    session.connection().send("only to the second");
    assertEquals(new PollBatch(1, List.of("only to the second"), null), second.get(5, TimeUnit.SECONDS).batch());
  }

  @Test
  void shutdownAnswersHeldPollsWithGoingAwayAndRefusesNewSessions() throws Exception {
    TestAcceptor acceptor = new TestAcceptor(false, new CountDownLatch(0));
    LongPollEndpoint endpoint = server.mount(acceptor, FAST);
    RawPoll raw = raw(endpoint);
    String sid = raw.open("user-10");
    TestSession session = acceptor.nextSession();
    session.connection().send("last words");
    PollBatch first = raw.poll(sid, 0).batch();
    CompletableFuture<Answer> held = raw.pollAsync(sid, first.cursor());
    assertFalse(waitDone(held, 200));
    endpoint.shutdown();
    PollBatch last = held.get(5, TimeUnit.SECONDS).batch();
    assertEquals(CloseReason.GOING_AWAY, last.close());
    assertEquals(CloseReason.GOING_AWAY, session.awaitClose());
    assertEquals(503, raw.call("POST", "/open", null, "Authorization", "Bearer user-1").status());
    assertEquals(0, endpoint.openSessions());
  }

  @Test
  void theCoreRefusingTheSessionClosesItWithItsReason() throws Exception {
    TestAcceptor acceptor = new TestAcceptor();
    RawPoll raw = raw(server.mount(acceptor, LINGERING));
    String sid = raw.open(TestAcceptor.REFUSED_AT_OPEN);
    assertEquals(CloseReason.UNAUTHENTICATED, raw.poll(sid, 0).batch().close());
  }

  @Test
  void unknownSessionsAndRoutesAreJson404() {
    RawPoll raw = raw(server.mount(new TestAcceptor(), FAST));
    Answer unknown = raw.poll("AAAAAAAAAAAAAAAAAAAAAA", 0);
    assertEquals(404, unknown.status());
    assertTrue(unknown.body().startsWith("{\"code\":\"not_found\""), unknown.body());
    assertEquals(404, raw.call("GET", "/a/b", null).status());
    assertEquals(400, raw.call("GET", "/open", null).status());
  }

  private static boolean waitDone(CompletableFuture<?> future, long millis) throws InterruptedException {
    try {
      future.get(millis, TimeUnit.MILLISECONDS);
      return true;
    } catch (java.util.concurrent.TimeoutException e) {
      return false;
    } catch (java.util.concurrent.ExecutionException e) {
      return true;
    }
  }
}
