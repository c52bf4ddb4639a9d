package io.senchat.server.faults;

import io.senchat.domain.client.AccessTokenSource;
import io.senchat.domain.client.ChatClient;
import io.senchat.domain.client.ChatClientListener;
import io.senchat.domain.client.ClientOptions;
import io.senchat.domain.client.ClientRuntime;
import io.senchat.domain.client.ConnectionState;
import io.senchat.domain.client.ConnectionStatus;
import io.senchat.domain.client.InMemoryClientStateStore;
import io.senchat.domain.client.TransportPolicy;
import io.senchat.domain.conversation.ConversationId;
import io.senchat.domain.message.Message;
import io.senchat.domain.message.OutgoingMessage;
import io.senchat.domain.protocol.ServerFrame.Ack;
import io.senchat.domain.protocol.ServerFrame.ErrorFrame;
import io.senchat.domain.protocol.ServerFrame.MessageNew;
import io.senchat.domain.protocol.ServerFrame;
import io.senchat.server.realtime.ClientLoop;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One user's device under test: the real engine on its own single-thread loop, recording what reaches the
 * application (messages in arrival order, acks, statuses) so that tests can wait for it and judge it.
 */
final class Party implements AutoCloseable {

  /** Short timeouts, so that a black-holed connection is found within seconds; the backoff as in production. */
  static ClientOptions options(String baseUrl, String device) {
    return ClientOptions.defaults(baseUrl).withDevice(device, "fault-test/1").withTimeouts(3_000, 8_000, 3_000);
  }

  private final String name;
  private final ClientLoop loop;
  private final ChatClient client;
  private final Object monitor = new Object();
  private final List<Message> received = new ArrayList<>();
  private final List<String> acked = new ArrayList<>();
  private final List<ErrorFrame> failed = new ArrayList<>();
  private final List<ConnectionStatus> statuses = new ArrayList<>();
  private int caughtUp;

  /**
   * A device of {@code user} talking to {@code baseUrl}.
   *
   * @param policy makes the transport policy from an executor that runs tasks on this party's loop (for transports
   *     that deliver their events there) and the loop-binding of other factories
   */
  Party(String name, String baseUrl, String token, long seed, Function<ClientLoop, TransportPolicy> policy) {
    this.name = name;
    this.loop = new ClientLoop("party-" + name);
    Random random = new Random(seed);
    ClientRuntime runtime = new ClientRuntime(loop, loop, random::nextDouble);
    this.client = loop.call(() -> new ChatClient(options(baseUrl, "dev-" + name), policy.apply(loop),
        AccessTokenSource.fixed(token), new InMemoryClientStateStore(), runtime, new Recorder()));
  }

  void start() {
    loop.run(client::start);
  }

  /** Queues a message unless the offline queue is near full; returns whether it was queued. */
  boolean trySend(ConversationId conversation, String clientId, String text) {
    return loop.call(() -> {
      if (client.unsent().size() >= 60) {
        return false;
      }
      return client.send(OutgoingMessage.text(conversation, clientId, text)).accepted();
    });
  }

  int unsent() {
    return loop.call(() -> client.unsent().size());
  }

  ConnectionStatus status() {
    return loop.call(client::status);
  }

  /** The messages of {@code conversation} as the application received them, in arrival order. */
  List<Message> received(ConversationId conversation) {
    synchronized (monitor) {
      return received.stream().filter(m -> m.conversationId().equals(conversation)).toList();
    }
  }

  List<String> acked() {
    synchronized (monitor) {
      return List.copyOf(acked);
    }
  }

  List<ErrorFrame> failed() {
    synchronized (monitor) {
      return List.copyOf(failed);
    }
  }

  List<ConnectionStatus> statuses() {
    synchronized (monitor) {
      return List.copyOf(statuses);
    }
  }

  int caughtUpCount() {
    synchronized (monitor) {
      return caughtUp;
    }
  }

  /** Waits until {@code condition} holds (re-checked whenever the client reports something) or the deadline. */
  boolean awaitUntil(long deadlineNanos, Supplier<Boolean> condition) {
    synchronized (monitor) {
      while (!condition.get()) {
        long left = TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime());
        if (left <= 0) {
          return false;
        }
        try {
          monitor.wait(Math.min(left, 200));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return false;
        }
      }
      return true;
    }
  }

  /** Wakes waiters; for conditions that depend on things other than this party. */
  void poke() {
    synchronized (monitor) {
      monitor.notifyAll();
    }
  }

  boolean online() {
    List<ConnectionStatus> seen = statuses();
    return !seen.isEmpty() && seen.get(seen.size() - 1).state() == ConnectionState.ONLINE;
  }

  @Override
  public void close() {
    try {
      loop.run(client::close);
    } finally {
      loop.close();
    }
  }

  @Override
  public String toString() {
    return name;
  }

  /** Records on the loop, wakes waiters on the test thread. */
  private final class Recorder implements ChatClientListener {

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
      if (event instanceof MessageNew created) {
        record(() -> received.add(created.message()));
      }
    }

    @Override
    public void onSendAcked(OutgoingMessage message, Ack ack) {
      record(() -> acked.add(message.clientId()));
    }

    @Override
    public void onSendFailed(OutgoingMessage message, ErrorFrame error) {
      record(() -> failed.add(error));
    }

    private void record(Runnable change) {
      synchronized (monitor) {
        change.run();
        monitor.notifyAll();
      }
    }
  }
}
