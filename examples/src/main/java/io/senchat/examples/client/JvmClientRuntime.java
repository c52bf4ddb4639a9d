package io.senchat.examples.client;

import io.senchat.domain.client.Cancellable;
import io.senchat.domain.client.ClientRuntime;
import io.senchat.domain.client.Scheduler;
import io.senchat.domain.common.Clock;
import io.senchat.domain.transport.ClientTransport;
import io.senchat.domain.transport.ClientTransportFactory;
import io.senchat.domain.transport.ClientTransportListener;
import io.senchat.domain.transport.CloseReason;
import io.senchat.transport.ws.client.JdkWebSocketTransportFactory;
import io.senchat.transport.ws.client.WebSocketClientOptions;
import java.net.http.HttpClient;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JVM event loop a {@link io.senchat.domain.client.ChatClient} runs on: one thread runs the client's API calls,
 * its timers and its transport events, as the engine's single-thread contract requires.
 *
 * <p>One loop can carry many clients (as a browser's one thread carries many tabs): each client is single-threaded, so
 * clients sharing a thread never need locks, and a few loops serve thousands of clients. Use it like this:
 *
 * <pre>{@code
 * JvmClientRuntime loop = new JvmClientRuntime("bot-loop");
 * ClientTransportFactory ws = loop.webSocket(HttpClient.newHttpClient(), WebSocketClientOptions.defaults());
 * ChatClient client = loop.call(() -> new ChatClient(options, TransportPolicy.only(ws), tokens,
 *     new InMemoryClientStateStore(), loop.runtime(), listener));
 * loop.execute(client::start);
 * }</pre>
 *
 * <p>Its clock is monotonic (wall time at creation plus {@link System#nanoTime()} elapsed), so heartbeats and
 * timeouts do not jump when the wall clock is adjusted.
 */
public final class JvmClientRuntime implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(JvmClientRuntime.class);

  /** How long {@link #call} waits before declaring the loop stuck. */
  private static final long CALL_TIMEOUT_SECONDS = 30;

  private final String name;
  private final ScheduledThreadPoolExecutor executor;
  private final ClientRuntime runtime;
  private final long originMillis = System.currentTimeMillis();
  private final long originNanos = System.nanoTime();
  private volatile Thread thread;

  /** Starts a loop on a new daemon thread called {@code name}. */
  public JvmClientRuntime(String name) {
    this.name = name;
    this.executor = new ScheduledThreadPoolExecutor(1, task -> {
      Thread loopThread = new Thread(task, name);
      loopThread.setDaemon(true);
      thread = loopThread;
      return loopThread;
    });
    // The engine arms and cancels a timeout per request: without this, cancelled timers would pile up in the queue
    // until their due time (tens of thousands under load).
    executor.setRemoveOnCancelPolicy(true);
    // Closing must not wait for heartbeat timers due in 25 s.
    executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    this.runtime = new ClientRuntime(new LoopScheduler(), new MonotonicClock(),
        () -> ThreadLocalRandom.current().nextDouble());
  }

  /** The scheduler, clock and randomness to build clients with. */
  public ClientRuntime runtime() {
    return runtime;
  }

  /**
   * The loop as an {@link Executor}. Hand it to {@link JdkWebSocketTransportFactory} so socket events run on the
   * loop itself: the transport then asks the socket for the next frame only once the client has taken the last one,
   * so a busy loop slows the server down instead of queueing frames without bound.
   */
  public Executor executor() {
    return this::execute;
  }

  /** A WebSocket transport factory whose events arrive on this loop; the HTTP client may be shared by all loops. */
  public ClientTransportFactory webSocket(HttpClient http, WebSocketClientOptions options) {
    return new JdkWebSocketTransportFactory(http, options, executor());
  }

  /**
   * A factory whose transports report their events on this loop, whatever thread they call back from: for transports
   * that take no executor. (Prefer {@link #webSocket} for WebSocket, which keeps the transport's backpressure.)
   */
  public ClientTransportFactory bind(ClientTransportFactory factory) {
    return new LoopBoundFactory(factory);
  }

  /** Runs {@code task} on the loop soon; dropped (and logged) once the loop is closed. */
  public void execute(Runnable task) {
    try {
      executor.execute(guarded(task));
    } catch (RejectedExecutionException closed) {
      // Late transport events after close have nobody left to tell.
      LOG.debug("{} is closed; dropping a task", name);
    }
  }

  /** Runs {@code task} on the loop and waits for its result: how other threads talk to the clients on it. */
  public <T> T call(Callable<T> task) {
    if (onLoop()) {
      throw new IllegalStateException("call() from the loop itself would wait for ever; use execute()");
    }
    try {
      return executor.submit(task).get(CALL_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for " + name, e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      throw cause instanceof RuntimeException runtimeException ? runtimeException : new IllegalStateException(cause);
    } catch (TimeoutException e) {
      throw new IllegalStateException(name + " did not answer within " + CALL_TIMEOUT_SECONDS + " s", e);
    } catch (RejectedExecutionException e) {
      throw new IllegalStateException(name + " is closed", e);
    }
  }

  /** {@link #call} for a task without a result. */
  public void run(Runnable task) {
    call(() -> {
      task.run();
      return null;
    });
  }

  /** True on the loop's thread. */
  public boolean onLoop() {
    return Thread.currentThread() == thread;
  }

  /** Stops the loop: queued tasks may still run for up to a second, timers are dropped. Close the clients first. */
  @Override
  public void close() {
    executor.shutdown();
    try {
      if (!executor.awaitTermination(1, TimeUnit.SECONDS)) {
        executor.shutdownNow();
      }
    } catch (InterruptedException e) {
      executor.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public String toString() {
    return "JvmClientRuntime[" + name + ", " + executor.getQueue().size() + " queued]";
  }

  /** A task whose failure is logged rather than swallowed by the executor's future. */
  private Runnable guarded(Runnable task) {
    return () -> {
      try {
        task.run();
      } catch (RuntimeException | Error e) {
        LOG.error("{}: task failed", name, e);
      }
    };
  }

  /** The engine's timers on the loop. */
  private final class LoopScheduler implements Scheduler {

    @Override
    public Cancellable schedule(long delayMillis, Runnable task) {
      try {
        ScheduledFuture<?> future = executor.schedule(guarded(task), Math.max(0, delayMillis), TimeUnit.MILLISECONDS);
        return () -> future.cancel(false);
      } catch (RejectedExecutionException closed) {
        return () -> { };
      }
    }
  }

  /** Wall time at creation plus monotonic elapsed time. */
  private final class MonotonicClock implements Clock {

    @Override
    public long nowMillis() {
      return originMillis + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - originNanos);
    }
  }

  /** Re-posts every event of its transports onto the loop. */
  private final class LoopBoundFactory implements ClientTransportFactory {

    private final ClientTransportFactory factory;

    LoopBoundFactory(ClientTransportFactory factory) {
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

    @Override
    public String toString() {
      return "onLoop(" + factory + ")";
    }
  }
}
