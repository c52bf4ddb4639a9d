package io.senchat.server.realtime;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.senchat.domain.client.AccessTokenSource;
import io.senchat.domain.client.ChatClient;
import io.senchat.domain.client.ChatClientListener;
import io.senchat.domain.client.ClientOptions;
import io.senchat.domain.client.ClientRuntime;
import io.senchat.domain.client.ClientStateStore;
import io.senchat.domain.client.ConnectionState;
import io.senchat.domain.client.ConnectionStatus;
import io.senchat.domain.client.InMemoryClientStateStore;
import io.senchat.domain.client.TransportPolicy;
import io.senchat.domain.conversation.ConversationId;
import io.senchat.domain.message.Message;
import io.senchat.domain.message.OutgoingMessage;
import io.senchat.domain.protocol.ServerFrame;
import io.senchat.domain.protocol.ServerFrame.Ack;
import io.senchat.domain.protocol.ServerFrame.ErrorFrame;
import io.senchat.domain.protocol.ServerFrame.MessageNew;
import io.senchat.domain.transport.ClientTransportFactory;
import io.senchat.domain.user.UserId;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * One device: the real client engine ({@link ChatClient}) over the real WebSocket transport, on a {@link ClientLoop},
 * recording everything its listener hears so that tests can wait for it (on a monitor, never by sleeping).
 */
final class TestClient implements AutoCloseable {

  static final long TIMEOUT_MILLIS = 15_000;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final UserId user;
  private final ClientLoop loop;
  private final ClientStateStore state;
  private final ChatClient client;
  private final Recorder recorder = new Recorder();

  TestClient(RealtimeServer server, ClientTransportFactory transport, ClientLoop loop, UserId user,
      ClientStateStore state, String deviceId) {
    this.user = user;
    this.loop = loop;
    this.state = state;
    ClientOptions options = ClientOptions.defaults(server.baseUrl()).withDevice(deviceId, "realtime-test/1")
        .withBackoff(50, 500);
    this.client = loop.call(() -> new ChatClient(options, TransportPolicy.only(loop.bind(transport)),
        AccessTokenSource.fixed(server.token(user)), state,
        new ClientRuntime(loop, loop, RANDOM::nextDouble), recorder));
  }

  TestClient(RealtimeServer server, ClientTransportFactory transport, ClientLoop loop, UserId user) {
    this(server, transport, loop, user, new InMemoryClientStateStore(), "dev-" + user.value());
  }

  UserId user() {
    return user;
  }

  ClientStateStore state() {
    return state;
  }

  /** Starts and waits until online with the feed caught up. */
  TestClient connect() {
    int sessions = recorder.caughtUpCount();
    loop.run(client::start);
    awaitThat("caught up", () -> recorder.caughtUpCount() > sessions);
    return this;
  }

  /** Queues a text message; returns its client id. */
  String send(ConversationId conversationId, String text) {
    String clientId = "c" + Long.toString(RANDOM.nextLong() & Long.MAX_VALUE, 36);
    loop.run(() -> client.send(OutgoingMessage.text(conversationId, clientId, text)));
    return clientId;
  }

  /** Runs something on the client's loop. */
  <T> T onLoop(Callable<T> action) {
    return loop.call(action);
  }

  ChatClient engine() {
    return client;
  }

  ConnectionStatus status() {
    return loop.call(client::status);
  }

  List<ServerFrame> events() {
    return recorder.snapshot(recorder.events);
  }

  /** The messages of {@code message.new} events in arrival order, for one conversation. */
  List<Message> received(ConversationId conversationId) {
    List<Message> messages = new ArrayList<>();
    for (ServerFrame event : events()) {
      if (event instanceof MessageNew created && created.message().conversationId().equals(conversationId)) {
        messages.add(created.message());
      }
    }
    return messages;
  }

  <T extends ServerFrame> List<T> events(Class<T> type) {
    List<T> matching = new ArrayList<>();
    for (ServerFrame event : events()) {
      if (type.isInstance(event)) {
        matching.add(type.cast(event));
      }
    }
    return matching;
  }

  List<Ack> acks() {
    return recorder.snapshot(recorder.acks);
  }

  /** Sends the server refused for good. */
  List<ErrorFrame> failures() {
    return recorder.snapshot(recorder.failures);
  }

  /** Errors outside any request (a failed typing, the server going away...). */
  List<ErrorFrame> serverErrors() {
    return recorder.snapshot(recorder.serverErrors);
  }

  List<ConnectionStatus> statuses() {
    return recorder.snapshot(recorder.statuses);
  }

  /** Waits until {@code condition} holds, re-checking whenever the client hears something. */
  void awaitThat(String what, Supplier<Boolean> condition) {
    assertTrue(recorder.await(condition, TIMEOUT_MILLIS), () -> "timed out waiting until " + what + " for user "
        + user.value() + "; status " + status() + ", " + events().size() + " events");
  }

  void awaitEvent(String what, Predicate<ServerFrame> match) {
    awaitThat(what, () -> events().stream().anyMatch(match));
  }

  void awaitReceived(ConversationId conversationId, int count) {
    awaitThat(count + " messages in " + conversationId, () -> received(conversationId).size() >= count);
  }

  void awaitAcks(int count) {
    awaitThat(count + " acks", () -> acks().size() >= count);
  }

  void awaitState(ConnectionState state) {
    // Never call the loop from a condition: conditions run under the recorder's monitor, which the loop needs.
    awaitThat("state " + state, () -> {
      List<ConnectionStatus> seen = statuses();
      return !seen.isEmpty() && seen.get(seen.size() - 1).state() == state;
    });
  }

  @Override
  public void close() {
    loop.run(client::close);
  }

  /** The listener: records on the loop, wakes waiters on the test thread. */
  private static final class Recorder implements ChatClientListener {

    private final Object monitor = new Object();
    private final List<ServerFrame> events = new ArrayList<>();
    private final List<Ack> acks = new ArrayList<>();
    private final List<ErrorFrame> failures = new ArrayList<>();
    private final List<ErrorFrame> serverErrors = new ArrayList<>();
    private final List<ConnectionStatus> statuses = new ArrayList<>();
    private int caughtUp;

    @Override
    public void onStatus(ConnectionStatus status) {
      record(() -> statuses.add(status));
    }

    @Override
    public void onCaughtUp() {
      record(() -> caughtUp++);
    }

    @Override
    public void onEvent(ServerFrame event) {
      record(() -> events.add(event));
    }

    @Override
    public void onSendAcked(OutgoingMessage message, Ack ack) {
      record(() -> acks.add(ack));
    }

    @Override
    public void onSendFailed(OutgoingMessage message, ErrorFrame error) {
      record(() -> failures.add(error));
    }

    @Override
    public void onServerError(ErrorFrame error) {
      record(() -> serverErrors.add(error));
    }

    int caughtUpCount() {
      synchronized (monitor) {
        return caughtUp;
      }
    }

    <T> List<T> snapshot(List<T> list) {
      synchronized (monitor) {
        return List.copyOf(list);
      }
    }

    boolean await(Supplier<Boolean> condition, long timeoutMillis) {
      long deadline = System.currentTimeMillis() + timeoutMillis;
      synchronized (monitor) {
        while (!condition.get()) {
          long left = deadline - System.currentTimeMillis();
          if (left <= 0) {
            return false;
          }
          try {
            monitor.wait(left);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
          }
        }
        return true;
      }
    }

    private void record(Runnable change) {
      synchronized (monitor) {
        change.run();
        monitor.notifyAll();
      }
    }
  }
}
