package io.senchat.server.realtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.senchat.domain.client.InMemoryClientStateStore;
import io.senchat.domain.client.RequestCallback;
import io.senchat.domain.common.ErrorCode;
import io.senchat.domain.conversation.ConversationId;
import io.senchat.domain.message.Message;
import io.senchat.domain.presence.PresenceState;
import io.senchat.domain.protocol.DeleteScope;
import io.senchat.domain.protocol.HistoryDirection;
import io.senchat.domain.protocol.Outbound;
import io.senchat.domain.protocol.ServerFrame;
import io.senchat.domain.protocol.ServerFrame.Ack;
import io.senchat.domain.protocol.ServerFrame.ErrorFrame;
import io.senchat.domain.protocol.ServerFrame.HistoryPage;
import io.senchat.domain.protocol.ServerFrame.MessageHidden;
import io.senchat.domain.protocol.ServerFrame.MessageUpdated;
import io.senchat.domain.protocol.ServerFrame.PresenceEvent;
import io.senchat.domain.protocol.ServerFrame.ReceiptEvent;
import io.senchat.domain.protocol.ServerFrame.TypingEvent;
import io.senchat.domain.user.UserId;
import io.senchat.store.message.HistoryRequest;
import io.senchat.store.message.NewMessage;
import io.senchat.store.receipt.ReceiptMarks;
import io.senchat.transport.ws.client.JdkWebSocketTransportFactory;
import io.senchat.transport.ws.client.WebSocketClientOptions;
import java.net.http.HttpClient;
import java.net.http.WebSocketHandshakeException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The real-time core end to end over real sockets: Undertow and the WebSocket endpoint in front of the core, the
 * store on a real PostgreSQL, and clients that are the real client engine over the real JVM transport (plus a raw
 * WebSocket client for input the engine never sends). Subclasses choose the database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class RealtimeContract {

  private TestStore db;
  private RealtimeServer server;
  private HttpClient http;
  private ExecutorService transportThreads;
  private JdkWebSocketTransportFactory transport;
  private final List<TestClient> clients = new ArrayList<>();
  private final List<ClientLoop> loops = new ArrayList<>();

  /** The PostgreSQL server to run against. */
  protected abstract TestDatabase database();

  @BeforeAll
  void startServer() {
    db = TestStore.create(database(), getClass().getSimpleName());
    server = RealtimeServer.start(db.store(), 0, RealtimeOptions.defaults());
    transportThreads = Executors.newCachedThreadPool(task -> {
      Thread thread = new Thread(task, "test-ws-client");
      thread.setDaemon(true);
      return thread;
    });
    http = HttpClient.newBuilder().executor(transportThreads).build();
    transport = new JdkWebSocketTransportFactory(http, WebSocketClientOptions.defaults(), transportThreads);
  }

  @AfterEach
  void closeClients() {
    for (TestClient client : clients) {
      client.close();
    }
    clients.clear();
    loops.forEach(ClientLoop::close);
    loops.clear();
  }

  @AfterAll
  void stopServer() {
    if (server != null) {
      server.close();
    }
    if (db != null) {
      db.close();
    }
    if (transportThreads != null) {
      transportThreads.shutdownNow();
    }
  }

  @Test
  void twoClientsChatBothWays() {
    UserId a = db.newUser();
    UserId b = db.newUser();
    ConversationId chat = db.direct(a, b).id();
    TestClient alice = client(a).connect();
    TestClient bob = client(b).connect();

    alice.send(chat, "xin chào");
    bob.awaitReceived(chat, 1);
    bob.send(chat, "chào bạn 👋");
    alice.awaitReceived(chat, 2);
    bob.awaitReceived(chat, 2);
    alice.awaitAcks(1);
    bob.awaitAcks(1);

    assertEquals(List.of("xin chào", "chào bạn 👋"), texts(alice.received(chat)));
    assertEquals(List.of("xin chào", "chào bạn 👋"), texts(bob.received(chat)));
    assertEquals(List.of(1L, 2L), seqs(alice.received(chat)));
    assertEquals(List.of(a, b), alice.received(chat).stream().map(Message::senderId).toList());
    assertEquals(1, alice.acks().get(0).seq());
    assertEquals(2, bob.acks().get(0).seq());
    assertEquals(List.of(), alice.failures());
    assertEquals(List.of(), alice.serverErrors());
  }

  @Test
  void oneUserOnTwoDevicesSeesEverythingOnBoth() {
    UserId a = db.newUser();
    UserId b = db.newUser();
    ConversationId chat = db.direct(a, b).id();
    TestClient phone = client(a, "phone").connect();
    TestClient laptop = client(a, "laptop").connect();
    TestClient bob = client(b).connect();

    bob.send(chat, "one");
    phone.awaitReceived(chat, 1);
    phone.send(chat, "two");
    laptop.awaitReceived(chat, 2);
    laptop.send(chat, "three");
    for (TestClient device : List.of(phone, laptop, bob)) {
      device.awaitReceived(chat, 3);
      assertEquals(List.of("one", "two", "three"), texts(device.received(chat)));
      assertEquals(List.of(1L, 2L, 3L), seqs(device.received(chat)));
    }
  }

  @Test
  void aGroupOfFiftyFansOutToAllFifty() {
    List<UserId> users = db.newUsers(50);
    ConversationId group = db.group(users.get(0), users.subList(1, 50)).id();
    ClientLoop shared = loop("group-of-fifty");
    List<TestClient> members = new ArrayList<>();
    for (UserId user : users) {
      TestClient member = track(new TestClient(server, transport, shared, user));
      members.add(member);
      member.connect();
    }

    members.get(0).send(group, "hello everyone");
    members.get(17).send(group, "hi!");
    members.get(49).send(group, "chào cả nhà");
    for (TestClient member : members) {
      member.awaitReceived(group, 3);
      assertEquals(List.of(1L, 2L, 3L), seqs(member.received(group)));
    }
    for (TestClient member : members) {
      assertTrue(texts(member.received(group)).containsAll(List.of("hello everyone", "hi!", "chào cả nhà")));
    }
  }

  @Test
  void typingAndPresenceArrive() {
    UserId a = db.newUser();
    UserId b = db.newUser();
    ConversationId chat = db.direct(a, b).id();
    TestClient alice = client(a).connect();
    alice.onLoop(() -> {
      alice.engine().watchPresence(List.of(b));
      return null;
    });
    alice.awaitEvent("bob offline", e -> e instanceof PresenceEvent p && p.presence().userId().equals(b)
        && p.presence().state() == PresenceState.OFFLINE);

    TestClient bob = client(b).connect();
    alice.awaitEvent("bob online", e -> e instanceof PresenceEvent p && p.presence().userId().equals(b)
        && p.presence().state() == PresenceState.ONLINE);

    bob.onLoop(() -> {
      bob.engine().typing(chat);
      return null;
    });
    alice.awaitEvent("bob typing", e -> e instanceof TypingEvent t && t.userId().equals(b) && t.typing());
    bob.onLoop(() -> {
      bob.engine().stopTyping(chat);
      return null;
    });
    alice.awaitEvent("bob stopped typing", e -> e instanceof TypingEvent t && t.userId().equals(b) && !t.typing());

    bob.close();
    alice.awaitEvent("bob offline, last seen", e -> e instanceof PresenceEvent p && p.presence().userId().equals(b)
        && p.presence().state() == PresenceState.OFFLINE && p.presence().lastSeenMillis() > 0);
    assertEquals(List.of(), bob.events(TypingEvent.class), "the typist does not hear themself");
  }

  @Test
  void presenceIsWatchedOnlyAmongPeopleWhoShareAConversation() {
    UserId a = db.newUser();
    UserId b = db.newUser();
    UserId stranger = db.newUser();
    db.direct(a, b);
    TestClient watcher = client(stranger).connect();
    TestClient alice = client(a).connect();
    watcher.onLoop(() -> {
      watcher.engine().watchPresence(List.of(a, b, stranger));
      return null;
    });
    alice.onLoop(() -> {
      alice.engine().watchPresence(List.of(b));
      return null;
    });
    watcher.awaitEvent("own presence", e -> e instanceof PresenceEvent p && p.presence().userId().equals(stranger));
    alice.awaitEvent("bob offline", e -> e instanceof PresenceEvent p && p.presence().userId().equals(b)
        && p.presence().state() == PresenceState.OFFLINE);
    TestClient bob = client(b).connect();
    alice.awaitEvent("bob online", e -> e instanceof PresenceEvent p && p.presence().userId().equals(b)
        && p.presence().state() == PresenceState.ONLINE);
    bob.close();
    alice.awaitEvent("bob offline again", e -> e instanceof PresenceEvent p && p.presence().userId().equals(b)
        && p.presence().state() == PresenceState.OFFLINE && p.presence().lastSeenMillis() > 0);
    // By now the stranger would have had alice's and bob's presence three times over.
    assertEquals(List.of(), watcher.events(PresenceEvent.class).stream()
        .filter(p -> !p.presence().userId().equals(stranger)).toList(), "a stranger learns nobody's presence");
  }

  @Test
  void receiptsMoveForwardOnly() {
    UserId a = db.newUser();
    UserId b = db.newUser();
    ConversationId chat = db.direct(a, b).id();
    TestClient alice = client(a).connect();
    TestClient bob = client(b).connect();
    for (int i = 0; i < 3; i++) {
      alice.send(chat, "m" + i);
    }
    bob.awaitReceived(chat, 3);

    bob.onLoop(() -> {
      bob.engine().markRead(chat, 3);
      bob.engine().flushReceipts();
      return null;
    });
    alice.awaitEvent("bob read 3", e -> e instanceof ReceiptEvent r && r.userId().equals(b) && r.readSeq() == 3);
    // A lower mark, then one beyond the last message (capped at 3): neither may lower anything.
    bob.onLoop(() -> {
      bob.engine().markRead(chat, 1);
      bob.engine().flushReceipts();
      bob.engine().markDelivered(chat, 100);
      bob.engine().flushReceipts();
      return null;
    });
    alice.awaitThat("a second receipt of bob", () -> receiptsOf(alice, b).size() >= 2);

    for (ReceiptEvent receipt : receiptsOf(alice, b)) {
      assertEquals(3, receipt.readSeq(), receipt.toString());
      assertEquals(3, receipt.deliveredSeq(), receipt.toString());
    }
    ReceiptMarks stored = db.store().receipts().marks(chat).stream().filter(m -> m.userId().equals(b))
        .findFirst().orElseThrow();
    assertEquals(new ReceiptMarks(chat, b, 3, 3), stored);
  }

  @Test
  void aClientThatMissedAHundredMessagesGetsEachExactlyOnceInOrder() {
    UserId a = db.newUser();
    UserId b = db.newUser();
    ConversationId chat = db.direct(a, b).id();
    TestClient alice = client(a).connect();
    TestClient bob = client(b).connect();
    bob.close();

    for (int i = 1; i <= 100; i++) {
      alice.send(chat, "missed " + i);
    }
    alice.awaitAcks(100);

    // The same device comes back: a new engine over the same persisted state (position, offline queue).
    TestClient bobAgain = track(new TestClient(server, transport, loop("bob-again"), b, bob.state(), "dev-" + b.value()));
    bobAgain.onLoop(() -> {
      bobAgain.engine().start();
      return null;
    });
    // Live traffic while the replay runs: held back, then delivered after it, in order.
    for (int i = 101; i <= 120; i++) {
      alice.send(chat, "live " + i);
    }
    bobAgain.awaitReceived(chat, 120);
    alice.awaitAcks(120);
    alice.send(chat, "marker");
    bobAgain.awaitReceived(chat, 121);

    List<Message> received = bobAgain.received(chat);
    assertEquals(LongStream.rangeClosed(1, 121).boxed().toList(), seqs(received),
        "every message exactly once, in seq order");
    assertEquals("missed 1", received.get(0).text());
    assertEquals("live 120", received.get(119).text());
    assertEquals(List.of(), bobAgain.failures());
  }

  @Test
  void badInputGetsAnErrorFrameAndTheConnectionAndServerStayHealthy() throws Exception {
    UserId a = db.newUser();
    UserId b = db.newUser();
    UserId c = db.newUser();
    ConversationId ours = db.direct(a, b).id();
    ConversationId theirs = db.direct(b, c).id();
    long bobsSeq = db.store().messages().append(NewMessage.text(ours, b, "bob-1", "bob's words")).message().seq();

    try (RawClient raw = RawClient.connect(http, server, server.token(a))) {
      Outbound welcome = raw.next();
      assertEquals("welcome", welcome.frame().type());
      assertNull(welcome.requestId(), "unprompted: the transport authenticated the connection");

      raw.send("{not json");
      assertError(raw.next(), ErrorCode.BAD_JSON, null);
      raw.send("{\"v\":1,\"type\":\"message.teleport\",\"id\":\"r1\"}");
      assertError(raw.next(), ErrorCode.UNKNOWN_TYPE, "r1");
      raw.send("{\"v\":2,\"type\":\"ping\",\"id\":\"r2\"}");
      assertError(raw.next(), ErrorCode.UNSUPPORTED_VERSION, "r2");
      raw.send(send("r3", ours, "big", "x".repeat(70_000)));
      assertError(raw.next(), ErrorCode.TOO_LARGE, null);
      raw.send("{\"v\":1,\"type\":\"message.send\",\"id\":\"r4\",\"data\":{\"conversationId\":" + ours.value()
          + ",\"kind\":\"text\",\"text\":\"no client id\"}}");
      assertError(raw.next(), ErrorCode.BAD_FRAME, "r4");
      raw.send(send("r5", theirs, "intruder", "let me in"));
      assertError(raw.next(), ErrorCode.NOT_MEMBER, "r5");
      raw.send(send("r6", ConversationId.of(987_654_321), "nowhere", "hello?"));
      assertError(raw.next(), ErrorCode.NOT_FOUND, "r6");
      raw.send("{\"v\":1,\"type\":\"message.edit\",\"id\":\"r7\",\"data\":{\"conversationId\":" + ours.value()
          + ",\"seq\":" + bobsSeq + ",\"text\":\"my words now\"}}");
      assertError(raw.next(), ErrorCode.FORBIDDEN, "r7");
      raw.send(send("r8", ours, "blank", "   "));
      assertError(raw.next(), ErrorCode.VALIDATION, "r8");

      raw.send("{\"v\":1,\"type\":\"ping\",\"id\":\"alive\"}");
      Outbound pong = raw.next();
      assertEquals("pong", pong.frame().type());
      assertEquals("alive", pong.requestId());
      assertFalse(raw.closed().isDone(), "the connection stays open");
    }

    assertEquals(401, refusedStatus(""), "no token");
    assertEquals(401, refusedStatus("v1.forged.token"), "garbage token");
    assertEquals(401, refusedStatus(RealtimeServer.expiredToken(a)), "expired token");

    // The server is fine: a real client chats.
    TestClient bob = client(b).connect();
    TestClient alice = client(a).connect();
    alice.send(ours, "still here");
    bob.awaitThat("the new message", () -> texts(bob.received(ours)).contains("still here"));
    assertEquals(2, db.messageRows(ours), "bob's message and the valid one, nothing else");
    assertEquals(0, db.messageRows(theirs));
  }

  @Test
  void aResentClientIdIsAcknowledgedWithTheOriginalAndAReusedOneConflicts() {
    UserId a = db.newUser();
    UserId b = db.newUser();
    ConversationId chat = db.direct(a, b).id();
    ConversationId group = db.group(a, List.of(b)).id();

    try (RawClient raw = RawClient.connect(http, server, server.token(a))) {
      raw.next("welcome");
      raw.send(send("s1", chat, "dup-1", "first"));
      Ack first = (Ack) raw.next("ack").frame();
      raw.send(send("s2", chat, "dup-1", "first"));
      Outbound again = raw.next("ack");
      assertEquals("s2", again.requestId());
      assertEquals(first, again.frame(), "same seq, same time: the original");
      raw.send(send("s3", chat, "dup-1", "something else"));
      assertError(raw.next("error"), ErrorCode.CONFLICT, "s3");
      raw.send(send("s4", group, "dup-1", "first"));
      assertError(raw.next("error"), ErrorCode.CONFLICT, "s4");
    }
    assertEquals(1, db.messageRows(chat));
    assertEquals(0, db.messageRows(group));
  }

  @Test
  void editsReactionsAndDeletionsReachEveryone() {
    UserId a = db.newUser();
    UserId b = db.newUser();
    ConversationId chat = db.direct(a, b).id();
    TestClient alice = client(a).connect();
    TestClient bob = client(b).connect();
    alice.send(chat, "helo");
    alice.send(chat, "second");
    bob.awaitReceived(chat, 2);

    alice.onLoop(() -> alice.engine().edit(chat, 1, "hello", List.of(), null));
    bob.awaitEvent("the edit", e -> e instanceof MessageUpdated u && u.message().text().equals("hello")
        && u.message().isEdited());
    bob.onLoop(() -> bob.engine().react(chat, 1, "👍", true, null));
    alice.awaitEvent("the reaction", e -> e instanceof MessageUpdated u && !u.message().reactions().isEmpty()
        && u.message().reactions().get(0).users().equals(List.of(b)) && u.message().text().equals("hello"));
    alice.onLoop(() -> alice.engine().delete(chat, 1, DeleteScope.EVERYONE, null));
    bob.awaitEvent("the tombstone", e -> e instanceof MessageUpdated u && u.message().deletedForEveryone()
        && u.message().text().isEmpty());
    bob.onLoop(() -> bob.engine().delete(chat, 2, DeleteScope.ME, null));
    bob.awaitEvent("hidden on bob's devices", e -> e instanceof MessageHidden h && h.seq() == 2);

    CompletableFuture<ErrorFrame> refused = new CompletableFuture<>();
    bob.onLoop(() -> bob.engine().edit(chat, 1, "not mine", List.of(), new Callback<>(null, refused)));
    assertEquals(ErrorCode.FORBIDDEN, refused.join().errorCode());
    assertTrue(alice.events(MessageHidden.class).isEmpty(), "deleting for me is private");
  }

  @Test
  void historyPagesComeOverTheWire() {
    UserId a = db.newUser();
    UserId b = db.newUser();
    ConversationId chat = db.direct(a, b).id();
    TestClient alice = client(a).connect();
    for (int i = 1; i <= 5; i++) {
      alice.send(chat, "h" + i);
    }
    alice.awaitAcks(5);

    CompletableFuture<HistoryPage> page = new CompletableFuture<>();
    alice.onLoop(() -> alice.engine().history(chat, HistoryDirection.BEFORE, 0, 3,
        new Callback<>(page, new CompletableFuture<>())));
    HistoryPage newest = page.orTimeout(10, TimeUnit.SECONDS).join();
    assertEquals(List.of(3L, 4L, 5L), seqs(newest.messages()));
    assertTrue(newest.hasMoreBefore());
    assertFalse(newest.hasMoreAfter());
  }

  @Test
  void aTokenThisServerNeverHandedOutIsNotFoundAndGarbageIsABadFrame() {
    UserId a = db.newUser();
    try (RawClient raw = RawClient.connect(http, server, server.token(a))) {
      raw.next("welcome");
      raw.send("{\"v\":1,\"type\":\"hello\",\"id\":\"h1\",\"data\":{\"token\":\"t\",\"syncToken\":\"1.zzzzzzzz.0\"}}");
      Outbound welcome = raw.next();
      assertEquals("welcome", welcome.frame().type());
      assertEquals("h1", welcome.requestId());
      assertError(raw.next(), ErrorCode.NOT_FOUND, null);
      raw.send("{\"v\":1,\"type\":\"sync\",\"id\":\"y1\",\"data\":{\"syncToken\":\"garbage\",\"limit\":10}}");
      assertError(raw.next(), ErrorCode.BAD_FRAME, "y1");
      raw.send("{\"v\":1,\"type\":\"sync\",\"id\":\"y2\",\"data\":{\"syncToken\":\"1.0.0\",\"limit\":10}}");
      Outbound batch = raw.next();
      assertEquals("sync.batch", batch.frame().type());
      assertEquals("y2", batch.requestId());
    }
  }

  @Test
  void nothingAcknowledgedIsLost() {
    List<UserId> users = db.newUsers(5);
    ConversationId group = db.group(users.get(0), users.subList(1, 5)).id();
    List<TestClient> senders = new ArrayList<>();
    for (UserId user : users) {
      senders.add(client(user).connect());
    }
    for (int i = 0; i < 40; i++) {
      for (TestClient sender : senders) {
        sender.send(group, "burst " + i);
      }
    }
    Set<Long> acknowledged = Collections.synchronizedSet(new HashSet<>());
    for (TestClient sender : senders) {
      sender.awaitAcks(40);
      sender.acks().forEach(ack -> acknowledged.add(ack.seq()));
      assertEquals(List.of(), sender.failures());
    }
    assertEquals(200, acknowledged.size(), "every ack has its own seq");
    assertEquals(200, db.messageRows(group), "every acknowledged message is a row");
    assertEquals(200, db.store().conversations().find(group).orElseThrow().lastSeq());
    for (TestClient member : senders) {
      member.awaitReceived(group, 200);
      assertEquals(LongStream.rangeClosed(1, 200).boxed().toList(), seqs(member.received(group)));
    }
  }

  @Test
  void repliesStayInTheConversationAndForwardsNeedTheSourceAndItsRealSender() {
    UserId a = db.newUser();
    UserId b = db.newUser();
    UserId c = db.newUser();
    ConversationId ours = db.direct(a, b).id();
    ConversationId source = db.direct(a, c).id();
    ConversationId elsewhere = db.direct(b, c).id();
    long fromC = db.store().messages().append(NewMessage.text(source, c, "c-1", "meeting at 3")).message().seq();
    long secret = db.store().messages().append(NewMessage.text(elsewhere, c, "c-2", "secret")).message().seq();

    try (RawClient raw = RawClient.connect(http, server, server.token(a))) {
      raw.next("welcome");
      raw.send(send("f1", ours, "fw-1", "meeting at 3", ",\"forwarded\":{\"conversationId\":" + source.value()
          + ",\"seq\":" + fromC + ",\"originalSenderId\":" + c.value() + "}"));
      Ack forwarded = (Ack) raw.next("ack").frame();
      assertEquals(1, forwarded.seq());
      raw.send(send("f2", ours, "fw-2", "secret", ",\"forwarded\":{\"conversationId\":" + elsewhere.value()
          + ",\"seq\":" + secret + ",\"originalSenderId\":" + c.value() + "}"));
      assertError(raw.next("error"), ErrorCode.FORBIDDEN, "f2");
      raw.send(send("f3", ours, "fw-3", "meeting at 3", ",\"forwarded\":{\"conversationId\":" + source.value()
          + ",\"seq\":" + fromC + ",\"originalSenderId\":" + b.value() + "}"));
      assertError(raw.next("error"), ErrorCode.VALIDATION, "f3");
      raw.send(send("r1", ours, "re-1", "agreed", ",\"replyToSeq\":1"));
      assertEquals(2, ((Ack) raw.next("ack").frame()).seq());
      raw.send(send("r2", ours, "re-2", "to what?", ",\"replyToSeq\":99"));
      assertError(raw.next("error"), ErrorCode.VALIDATION, "r2");
    }
    List<Message> stored = db.store().history().history(ours, a,
        HistoryRequest.newest(10)).messages();
    assertEquals(c, stored.get(0).forwarded().originalSender());
    assertEquals(1, stored.get(1).replyToSeq());
  }

  @Test
  void aFloodIsRateLimitedAndTheConnectionSurvivesIt() {
    UserId a = db.newUser();
    UserId b = db.newUser();
    ConversationId chat = db.direct(a, b).id();
    try (RawClient raw = RawClient.connect(http, server, server.token(a))) {
      raw.next("welcome");
      String typing = "{\"v\":1,\"type\":\"typing\",\"data\":{\"conversationId\":" + chat.value()
          + ",\"typing\":true}}";
      // Far beyond the burst (200) plus what the rate (50/s) refills while they are sent.
      for (int i = 0; i < 600; i++) {
        raw.send(typing);
      }
      raw.send("{\"v\":1,\"type\":\"ping\",\"id\":\"after-flood\"}");
      int limited = 0;
      for (Outbound frame = raw.next(); !"pong".equals(frame.frame().type()); frame = raw.next()) {
        assertError(frame, ErrorCode.RATE_LIMITED, null);
        assertTrue(((ErrorFrame) frame.frame()).retryable());
        limited++;
      }
      assertTrue(limited > 0, "some were refused");
      assertFalse(raw.closed().isDone());
    }
  }

  // ---- helpers ----

  TestClient client(UserId user) {
    return client(user, "dev-" + user.value());
  }

  TestClient client(UserId user, String device) {
    return track(new TestClient(server, transport, loop("client-" + user.value() + "-" + device), user,
        new InMemoryClientStateStore(), device));
  }

  private TestClient track(TestClient client) {
    clients.add(client);
    return client;
  }

  private ClientLoop loop(String name) {
    ClientLoop loop = new ClientLoop(name);
    loops.add(loop);
    return loop;
  }

  private int refusedStatus(String token) {
    try {
      RawClient.connect(http, server, token).close();
      return 101;
    } catch (CompletionException e) {
      return assertInstanceOf(WebSocketHandshakeException.class, e.getCause()).getResponse().statusCode();
    }
  }

  private static List<ReceiptEvent> receiptsOf(TestClient client, UserId user) {
    return client.events(ReceiptEvent.class).stream().filter(r -> r.userId().equals(user)).toList();
  }

  private static String send(String requestId, ConversationId conversation, String clientId, String text) {
    return send(requestId, conversation, clientId, text, "");
  }

  /** A message.send frame; {@code extraMembers} are appended to its data (each starting with a comma). */
  private static String send(String requestId, ConversationId conversation, String clientId, String text,
      String extraMembers) {
    return "{\"v\":1,\"type\":\"message.send\",\"id\":\"" + requestId + "\",\"data\":{\"conversationId\":"
        + conversation.value() + ",\"clientId\":\"" + clientId + "\",\"kind\":\"text\",\"text\":\"" + text
        + "\"" + extraMembers + "}}";
  }

  private static void assertError(Outbound frame, ErrorCode code, String requestId) {
    ErrorFrame error = assertInstanceOf(ErrorFrame.class, frame.frame(), frame.toString());
    assertEquals(code, error.errorCode(), error.message());
    assertEquals(requestId, frame.requestId(), frame.toString());
  }

  static List<String> texts(List<Message> messages) {
    return messages.stream().map(Message::text).toList();
  }

  static List<Long> seqs(List<Message> messages) {
    return messages.stream().map(Message::seq).toList();
  }

  /** Completes one of two futures with a command's outcome. */
  private record Callback<T extends ServerFrame>(CompletableFuture<T> reply, CompletableFuture<ErrorFrame> error)
      implements RequestCallback<T> {

    @Override
    public void onReply(T frame) {
      if (reply != null) {
        reply.complete(frame);
      }
    }

    @Override
    public void onError(ErrorFrame frame) {
      error.complete(frame);
    }
  }
}
