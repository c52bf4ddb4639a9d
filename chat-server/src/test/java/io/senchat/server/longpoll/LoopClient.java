package io.senchat.server.longpoll;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.senchat.domain.client.AccessTokenSource;
import io.senchat.domain.client.ChatClient;
import io.senchat.domain.client.ChatClientListener;
import io.senchat.domain.client.ClientOptions;
import io.senchat.domain.client.ClientRuntime;
import io.senchat.domain.client.ClientStateStore;
import io.senchat.domain.client.TransportPolicy;
import io.senchat.domain.conversation.ConversationId;
import io.senchat.domain.message.Message;
import io.senchat.domain.message.OutgoingMessage;
import io.senchat.domain.protocol.ServerFrame.Ack;
import io.senchat.domain.protocol.ServerFrame.ErrorFrame;
import io.senchat.domain.protocol.ServerFrame.MessageNew;
import io.senchat.domain.protocol.ServerFrame;
import io.senchat.domain.transport.ClientTransportFactory;
import io.senchat.server.realtime.ClientLoop;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * One device: the real client engine over the given transport factory, on its own single-thread loop (the engine's
 * threading contract), recording what it hears so that tests wait on a monitor, never by sleeping.
 */
final class LoopClient implements AutoCloseable {

  private static final AtomicLong CLIENT_IDS = new AtomicLong();

  private final ClientLoop loop;
  private final ChatClient client;
  private final ClientStateStore state;
  private final Object monitor = new Object();
  private final List<ServerFrame> events = new ArrayList<>();
  private final List<Ack> acks = new ArrayList<>();
  private final List<ErrorFrame> failures = new ArrayList<>();
  private int caughtUp;

  LoopClient(String baseUrl, ClientTransportFactory transport, String token, ClientStateStore state, String device) {
    this.state = state;
    this.loop = new ClientLoop("longpoll-test-client-" + device);
    ClientOptions options = ClientOptions.defaults(baseUrl).withDevice(device, "longpoll-test/1")
        .withBackoff(50, 500);
    this.client = loop.call(() -> new ChatClient(options, TransportPolicy.only(loop.bind(transport)),
        AccessTokenSource.fixed(token), state, new ClientRuntime(loop, loop, Math::random), new Recorder()));
  }

  ClientStateStore state() {
    return state;
  }

  /** Starts and waits until online with the feed caught up. */
  LoopClient connect() {
    int before;
    synchronized (monitor) {
      before = caughtUp;
    }
    loop.call(() -> {
      client.start();
      return null;
    });
    awaitThat("caught up", () -> caughtUp > before);
    return this;
  }

  void startWithoutWaiting() {
    loop.call(() -> {
      client.start();
      return null;
    });
  }

  void send(long conversationId, String text) {
    String clientId = "lp" + CLIENT_IDS.incrementAndGet();
    loop.call(() -> client.send(OutgoingMessage.text(ConversationId.of(conversationId), clientId, text)));
  }

  List<Message> received(long conversationId) {
    synchronized (monitor) {
      List<Message> messages = new ArrayList<>();
      for (ServerFrame event : events) {
        if (event instanceof MessageNew created && created.message().conversationId().value() == conversationId) {
          messages.add(created.message());
        }
      }
      return messages;
    }
  }

  int acks() {
    synchronized (monitor) {
      return acks.size();
    }
  }

  List<ErrorFrame> failures() {
    synchronized (monitor) {
      return List.copyOf(failures);
    }
  }

  void awaitReceived(long conversationId, int count) {
    awaitThat(count + " messages", () -> received(conversationId).size() >= count);
  }

  void awaitAcks(int count) {
    awaitThat(count + " acks", () -> acks.size() >= count);
  }

  /** Waits up to 30 s until the condition holds, re-checking whenever the client hears something. */
  void awaitThat(String what, Supplier<Boolean> condition) {
    long deadline = System.currentTimeMillis() + 30_000;
    synchronized (monitor) {
      while (!condition.get()) {
        long left = deadline - System.currentTimeMillis();
        if (left <= 0) {
          break;
        }
        try {
          monitor.wait(left);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
      }
      assertTrue(condition.get(), "timed out waiting for " + what + "; " + events.size() + " events");
    }
  }

  @Override
  public void close() {
    try {
      loop.run(client::close);
    } finally {
      loop.close();
    }
  }

  /** Records on the loop, wakes waiters. */
  private final class Recorder implements ChatClientListener {

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

    private void record(Runnable change) {
      synchronized (monitor) {
        change.run();
        monitor.notifyAll();
      }
    }
  }
}
