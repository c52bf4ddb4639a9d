package io.senchat.domain.client;

import io.senchat.domain.conversation.ConversationId;
import io.senchat.domain.message.Message;
import io.senchat.domain.message.OutgoingMessage;
import io.senchat.domain.protocol.ClientFrame;
import io.senchat.domain.protocol.Inbound;
import io.senchat.domain.protocol.ServerFrame;
import io.senchat.domain.protocol.ServerFrame.Ack;
import io.senchat.domain.protocol.ServerFrame.MessageNew;
import io.senchat.domain.protocol.ServerFrame.Welcome;
import io.senchat.domain.protocol.SyncToken;
import io.senchat.domain.user.UserId;
import java.util.ArrayList;
import java.util.List;

/** One client wired to fakes: manual time, scripted transports, a recording store and listener. */
final class ClientHarness {

  static final String BASE_URL = "https://chat.example.test";
  static final UserId ME = UserId.of(7);
  static final UserId OTHER = UserId.of(9);
  static final ConversationId CONV = ConversationId.of(42);
  static final long HEARTBEAT_MILLIS = 25_000;

  final ManualTime time = new ManualTime();
  final FakeTransportFactory factory = new FakeTransportFactory();
  final List<String> journal = new ArrayList<>();
  final RecordingStore store;
  final RecordingListener listener;
  TestTokens tokens = new TestTokens("token-1");
  ClientOptions options = ClientOptions.defaults(BASE_URL).withDevice("dev-1", "senchat-test/1");
  /** What the random source returns; near 1 makes every backoff delay its ceiling. */
  double random = 0.999_999;
  private ChatClient client;

  ClientHarness() {
    this(new InMemoryClientStateStore());
  }

  ClientHarness(InMemoryClientStateStore initial) {
    this(initial, new RecordingListener());
  }

  ClientHarness(InMemoryClientStateStore initial, RecordingListener listener) {
    this.store = new RecordingStore(initial, journal);
    this.listener = listener;
  }

  ChatClient client() {
    if (client == null) {
      ClientRuntime runtime = new ClientRuntime(time, time, () -> random);
      client = new ChatClient(options, TransportPolicy.only(factory), tokens, store, runtime, listener);
    }
    return client;
  }

  FakeTransport transport() {
    return factory.last();
  }

  /** Starts the client if it has not, opens the newest transport and welcomes it. */
  FakeTransport connect() {
    if (client().status().state() == ConnectionState.OFFLINE) {
      client().start();
    }
    FakeTransport transport = transport();
    transport.open();
    welcome(transport, SyncToken.of(100, 0));
    return transport;
  }

  /** Answers the hello on {@code transport} with a welcome whose head is {@code head}. */
  void welcome(FakeTransport transport, SyncToken head) {
    Inbound hello = transport.lastSent("hello");
    transport.deliver(hello.requestId(), welcomeFrame(head));
  }

  /** Waits out the reconnect delay, then opens and welcomes the new transport. */
  FakeTransport reconnect() {
    int before = factory.count();
    time.advance(client().status().retryInMillis());
    if (factory.count() != before + 1) {
      throw new AssertionError("no new connection attempt; status " + client().status());
    }
    FakeTransport transport = transport();
    transport.open();
    welcome(transport, SyncToken.of(100, 0));
    return transport;
  }

  static Welcome welcomeFrame(SyncToken head) {
    return new Welcome(ME, "s-1", head, 1_700_000_000_000L, HEARTBEAT_MILLIS);
  }

  static OutgoingMessage outgoing(String clientId) {
    return OutgoingMessage.text(CONV, clientId, "text of " + clientId);
  }

  /** A text message to conversation {@code conversation} (the engine pipelines across conversations only). */
  static OutgoingMessage outgoing(String clientId, long conversation) {
    return OutgoingMessage.text(ConversationId.of(conversation), clientId,
        "text of " + clientId);
  }

  /**
   * Acks {@code count} sends one at a time, each as soon as the engine has sent it (one conversation's messages go
   * one after another), seqs from {@code firstSeq}; returns the client ids in the order they were sent.
   */
  static List<String> ackOneByOne(FakeTransport transport, int count, long firstSeq) {
    List<String> order = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      List<Inbound> sends = transport.sent(ClientFrame.SendMessage.TYPE);
      if (sends.size() <= i) {
        throw new AssertionError("send " + (i + 1) + " of " + count + " never went out; sent " + order);
      }
      Inbound send = sends.get(i);
      String clientId = ((ClientFrame.SendMessage) send.frame()).message().clientId();
      order.add(clientId);
      transport.deliver(send.requestId(), ackFor(clientId, firstSeq + i));
    }
    return order;
  }

  static Message message(long seq, UserId sender, String clientId) {
    return OutgoingMessage.text(CONV, clientId, "text of " + clientId).toMessage(seq, sender, 1_000 * seq);
  }

  static MessageNew messageNew(long seq) {
    return new MessageNew(message(seq, OTHER, "o" + seq));
  }

  static Ack ackFor(String clientId, long seq) {
    return new Ack(CONV, seq, clientId, 1_000 * seq);
  }

  /** Acks every message.send sent on {@code transport} since {@code from}, giving seqs from {@code firstSeq}. */
  static int ackAll(FakeTransport transport, List<Inbound> sends, long firstSeq) {
    long seq = firstSeq;
    for (Inbound send : sends) {
      String clientId = ((ClientFrame.SendMessage) send.frame()).message().clientId();
      transport.deliver(send.requestId(), ackFor(clientId, seq++));
    }
    return sends.size();
  }

  static ServerFrame.SyncBatch batch(SyncToken token, boolean hasMore, ServerFrame.FeedEvent... events) {
    return new ServerFrame.SyncBatch(List.of(events), token, hasMore);
  }
}
