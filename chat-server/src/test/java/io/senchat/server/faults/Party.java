package io.senchat.server.faults;

import io.senchat.domain.client.AccessTokenSource;
import io.senchat.domain.client.Cancellable;
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
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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
  private final ScheduledThreadPoolExecutor loop;
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
  Party(String name, String baseUrl, String token, long seed, Function<Loop, TransportPolicy> policy) {
    this.name = name;
    this.loop = new ScheduledThreadPoolExecutor(1, task -> {
      Thread thread = new Thread(task, "party-" + name);
      thread.setDaemon(true);
      return thread;
    });
    loop.setRemoveOnCancelPolicy(true);
    Random random = new Random(seed);
    long originNanos = System.nanoTime();
    ClientRuntime runtime = new ClientRuntime(this::schedule,
        () -> TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - originNanos), random::nextDouble);
    Loop handle = new Loop();
    this.client = call(() -> new ChatClient(options(baseUrl, "dev-" + name), policy.apply(handle),
        AccessTokenSource.fixed(token), new InMemoryClientStateStore(), runtime, new Recorder()));
  }

  /** What a policy factory gets to put transports on this party's loop. */
  final class Loop {

    /** Runs tasks on the loop: hand it to transports that take an executor for their events. */
    Executor executor() {
      return Party.this::execute;
    }

    /** A factory whose transports report their events on the loop, whatever thread they call back from. */
    ClientTransportFactory bind(ClientTransportFactory factory) {
      return new ClientTransportFactory() {
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
                  execute(listener::onOpen);
                }

                @Override
                public void onFrame(String frame) {
                  execute(() -> listener.onFrame(frame));
                }

                @Override
                public void onClose(CloseReason reason) {
                  execute(() -> listener.onClose(reason));
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
      };
    }
  }

  void start() {
    run(client::start);
  }

  /** Queues a message unless the offline queue is near full; returns whether it was queued. */
  boolean trySend(ConversationId conversation, String clientId, String text) {
    return call(() -> {
      if (client.unsent().size() >= 60) {
        return false;
      }
      return client.send(OutgoingMessage.text(conversation, clientId, text)).accepted();
    });
  }

  int unsent() {
    return call(() -> client.unsent().size());
  }

  ConnectionStatus status() {
    return call(client::status);
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
      run(client::close);
    } finally {
      loop.shutdownNow();
    }
  }

  @Override
  public String toString() {
    return name;
  }

  private Cancellable schedule(long delayMillis, Runnable task) {
    try {
      ScheduledFuture<?> future = loop.schedule(task, Math.max(0, delayMillis), TimeUnit.MILLISECONDS);
      return () -> future.cancel(false);
    } catch (java.util.concurrent.RejectedExecutionException closed) {
      return () -> { };
    }
  }

  private void execute(Runnable task) {
    try {
      loop.execute(task);
    } catch (java.util.concurrent.RejectedExecutionException closed) {
      // The party is closed: late transport events have nobody to tell.
    }
  }

  private void run(Runnable task) {
    call(() -> {
      task.run();
      return null;
    });
  }

  private <T> T call(Callable<T> task) {
    try {
      return loop.submit(task).get(20, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    } catch (TimeoutException e) {
      throw new IllegalStateException(name + "'s loop is stuck", e);
    }
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
