package io.senchat.server.longpoll;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.senchat.domain.client.InMemoryClientStateStore;
import io.senchat.domain.common.ErrorCode;
import io.senchat.domain.message.Message;
import io.senchat.domain.protocol.Outbound;
import io.senchat.domain.protocol.ProtocolCodec;
import io.senchat.domain.protocol.ServerFrame;
import io.senchat.server.longpoll.ServerUnderTest.Answer;
import io.senchat.server.longpoll.ServerUnderTest.User;
import io.senchat.transport.longpoll.client.LongPollClientOptions;
import io.senchat.transport.longpoll.client.LongPollTransportFactory;
import io.senchat.transport.longpoll.shared.OpenAnswer;
import io.senchat.transport.longpoll.shared.PollBatch;
import io.senchat.transport.longpoll.shared.UpstreamBatch;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The standalone server with only the long-poll transport ({@code --transports longpoll}), its core and a real
 * PostgreSQL, driven by the real client engine over the real JVM long-poll client. Subclasses choose the database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class LongPollServerContract {

  private ServerUnderTest server;
  private ExecutorService threads;
  private LongPollTransportFactory transport;
  private final List<LoopClient> clients = new ArrayList<>();

  /** Extra flags choosing the database; may abort the class (skip) when it is unreachable. */
  protected abstract String[] databaseFlags();

  @BeforeAll
  void startServer() {
    List<String> flags = new ArrayList<>(List.of("--transports", "longpoll"));
    flags.addAll(List.of(databaseFlags()));
    server = ServerUnderTest.start(flags.toArray(String[]::new));
    threads = Executors.newCachedThreadPool(task -> {
      Thread thread = new Thread(task, "longpoll-test-transport");
      thread.setDaemon(true);
      return thread;
    });
    transport = new LongPollTransportFactory(java.net.http.HttpClient.newBuilder().executor(threads).build(),
        LongPollClientOptions.defaults(), threads);
  }

  @AfterEach
  void closeClients() {
    clients.forEach(LoopClient::close);
    clients.clear();
  }

  @AfterAll
  void stopServer() {
    if (server != null) {
      server.close();
    }
    if (threads != null) {
      threads.shutdownNow();
    }
  }

  private LoopClient client(User user, InMemoryClientStateStore state, String device) {
    LoopClient client = new LoopClient(server.baseUrl(), transport, user.token(), state, device);
    clients.add(client);
    return client;
  }

  @Test
  void twoClientsChatBothWaysOverLongPoll() {
    User a = server.register("Alice");
    User b = server.register("Bob");
    long chat = server.direct(a, b);
    LoopClient alice = client(a, new InMemoryClientStateStore(), "alice").connect();
    LoopClient bob = client(b, new InMemoryClientStateStore(), "bob").connect();

    alice.send(chat, "xin chào");
    bob.awaitReceived(chat, 1);
    bob.send(chat, "chào bạn 👋");
    alice.awaitReceived(chat, 2);
    bob.awaitReceived(chat, 2);
    alice.awaitAcks(1);
    bob.awaitAcks(1);

    assertEquals(List.of("xin chào", "chào bạn 👋"), texts(alice.received(chat)));
    assertEquals(List.of("xin chào", "chào bạn 👋"), texts(bob.received(chat)));
    assertEquals(List.of(1L, 2L), seqs(bob.received(chat)));
    assertEquals(List.of(), alice.failures());
  }

  @Test
  void aClientThatMissedAHundredMessagesGetsEachOnceInOrder() {
    User a = server.register("Carol");
    User b = server.register("Dan");
    long chat = server.direct(a, b);
    LoopClient carol = client(a, new InMemoryClientStateStore(), "carol").connect();
    InMemoryClientStateStore dansDevice = new InMemoryClientStateStore();
    LoopClient dan = client(b, dansDevice, "dan").connect();
    dan.close();
    clients.remove(dan);

    for (int i = 1; i <= 100; i++) {
      carol.send(chat, "missed " + i);
    }
    carol.awaitAcks(100);

    // The same device comes back: a new engine over the same state resumes from its sync token.
    LoopClient danAgain = client(b, dansDevice, "dan").connect();
    carol.send(chat, "marker");
    danAgain.awaitReceived(chat, 101);
    List<Message> received = danAgain.received(chat);
    assertEquals(LongStream.rangeClosed(1, 101).boxed().toList(), seqs(received),
        "every missed message exactly once, in seq order, then the live one");
    assertEquals("missed 1", received.get(0).text());
    assertEquals("missed 100", received.get(99).text());
    assertEquals("marker", received.get(100).text());
  }

  @Test
  void badFramesGetErrorFramesDownTheSameSessionWhichStaysUsable() {
    User a = server.register("Eve");
    Answer opened = server.call("POST", "/poll/open", a.token(), null);
    assertEquals(200, opened.status(), opened.body());
    String sid = OpenAnswer.parse(opened.body()).sessionId();
    Answer firstPoll = server.call("GET", "/poll/" + sid + "?ack=0", null, null);
    PollBatch welcome = PollBatch.parse(firstPoll.body(), 1 << 22);
    assertEquals("welcome", ProtocolCodec.decodeServer(welcome.frames().get(0)).frame().type(),
        "the transport authenticated the session: welcome comes unprompted");

    assertEquals(204, server.call("POST", "/poll/" + sid, null, UpstreamBatch.encode(List.of(
        "{not json", "{\"v\":1,\"type\":\"message.teleport\",\"id\":\"r1\"}",
        "{\"v\":1,\"type\":\"ping\",\"id\":\"r2\"}"))).status());
    List<Outbound> replies = new ArrayList<>();
    long ack = welcome.cursor();
    while (replies.size() < 3) {
      PollBatch batch = PollBatch.parse(server.call("GET", "/poll/" + sid + "?ack=" + ack, null, null).body(),
          1 << 22);
      for (String frame : batch.frames()) {
        Outbound decoded = ProtocolCodec.decodeServer(frame);
        if (decoded.frame() instanceof ServerFrame.ErrorFrame || decoded.frame() instanceof ServerFrame.Pong) {
          replies.add(decoded);
        }
      }
      ack = batch.cursor();
    }
    assertEquals(ErrorCode.BAD_JSON, ((ServerFrame.ErrorFrame) replies.get(0).frame()).errorCode());
    assertEquals(ErrorCode.UNKNOWN_TYPE, ((ServerFrame.ErrorFrame) replies.get(1).frame()).errorCode());
    assertEquals("r1", replies.get(1).requestId());
    assertTrue(replies.get(2).frame() instanceof ServerFrame.Pong, "the session still answers");
    assertEquals(204, server.call("DELETE", "/poll/" + sid, null, null).status());
  }

  private static List<String> texts(List<Message> messages) {
    return messages.stream().map(Message::text).toList();
  }

  private static List<Long> seqs(List<Message> messages) {
    return messages.stream().map(Message::seq).toList();
  }
}
