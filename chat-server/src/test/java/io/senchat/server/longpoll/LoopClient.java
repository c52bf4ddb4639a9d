package io.senchat.server.longpoll;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.senchat.domain.client.AccessTokenSource;
import io.senchat.domain.client.Cancellable;
import io.senchat.domain.client.ChatClient;
import io.senchat.domain.client.ChatClientListener;
import io.senchat.domain.client.ClientOptions;
import io.senchat.domain.client.ClientRuntime;
import io.senchat.domain.client.ClientStateStore;
import io.senchat.domain.client.Scheduler;
import io.senchat.domain.client.TransportPolicy;
import io.senchat.domain.common.Clock;
import io.senchat.domain.conversation.ConversationId;
import io.senchat.domain.message.Message;
import io.senchat.domain.message.OutgoingMessage;
import io.senchat.domain.protocol.ServerFrame;
import io.senchat.domain.protocol.ServerFrame.Ack;
import io.senchat.domain.protocol.ServerFrame.ErrorFrame;
import io.senchat.domain.protocol.ServerFrame.MessageNew;
import io.senchat.domain.transport.ClientTransport;
import io.senchat.domain.transport.ClientTransportFactory;
import io.senchat.domain.transport.ClientTransportListener;
import io.senchat.domain.transport.CloseReason;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * One device: the real client engine over the given transport factory, on its own single-thread loop (the engine's
 * threading contract), recording what it hears so that tests wait on a monitor, never by sleeping.
 */
final class LoopClient implements AutoCloseable {

  private static final AtomicLong CLIENT_IDS = new AtomicLong();

  private final ScheduledExecutorService loop;
  private final ChatClient client;
  private final ClientStateStore state;
  private final Object monitor = new Object();
  private final List<ServerFrame> events = new ArrayList<>();
  private final List<Ack> acks = new ArrayList<>();
  private final List<ErrorFrame> failures = new ArrayList<>();
  private int caughtUp;

  LoopClient(String baseUrl, ClientTransportFactory transport, String token, ClientStateStore state, String device) {
    this.state = state;
    this.loop = Executors.newSingleThreadScheduledExecutor(task -> {
      Thread thread = new Thread(task, "longpoll-test-client-" + device);
      thread.setDaemon(true);
      return thread;
    });
    ClientOptions options = ClientOptions.defaults(baseUrl).withDevice(device, "longpoll-test/1")
        .withBackoff(50, 500);
    Scheduler scheduler = (delayMillis, task) -> {
      ScheduledFuture<?> future = loop.schedule(task, Math.max(0, delayMillis), TimeUnit.MILLISECONDS);
      return (Cancellable) () -> future.cancel(false);
    };
    Clock clock = System::currentTimeMillis;
    this.client = call(() -> new ChatClient(options, TransportPolicy.only(new OnLoop(transport)),
        AccessTokenSource.fixed(token), state, new ClientRuntime(scheduler, clock, Math::random), new Recorder()));
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
    call(() -> {
      client.start();
      return null;
    });
    awaitThat("caught up", () -> caughtUp > before);
    return this;
  }

  void startWithoutWaiting() {
    call(() -> {
      client.start();
      return null;
    });
  }

  void send(long conversationId, String text) {
    String clientId = "lp" + CLIENT_IDS.incrementAndGet();
    call(() -> client.send(OutgoingMessage.text(ConversationId.of(conversationId), clientId, text)));
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

  private <T> T call(Callable<T> task) {
    try {
      return loop.submit(task).get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private void post(Runnable task) {
    try {
      loop.execute(task);
    } catch (java.util.concurrent.RejectedExecutionException closed) {
      // The test is over; late transport events have nobody to tell.
    }
  }

  @Override
  public void close() {
    call(() -> {
      client.close();
      return null;
    });
    loop.shutdownNow();
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

  /** Re-posts every transport event onto the loop, as the engine requires. */
  private final class OnLoop implements ClientTransportFactory {

    private final ClientTransportFactory factory;

    OnLoop(ClientTransportFactory factory) {
      this.factory = factory;
    }

    @Override
    public String name() {
      return factory.name();
    }

    @Override
    public ClientTransport create(String baseUrl, String accessToken) {
      ClientTransport transport = factory.create(baseUrl, accessToken);
      return new ClientTransport() {
        @Override
        public void connect(ClientTransportListener listener) {
          transport.connect(new ClientTransportListener() {
            @Override
            public void onOpen() {
              post(listener::onOpen);
            }

            @Override
            public void onFrame(String frame) {
              post(() -> listener.onFrame(frame));
            }

            @Override
            public void onClose(CloseReason reason) {
              post(() -> listener.onClose(reason));
            }
          });
        }

        @Override
        public boolean send(String frame) {
          return transport.send(frame);
        }

        @Override
        public void close() {
          transport.close();
        }
      };
    }
  }
}
