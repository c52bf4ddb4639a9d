package io.senchat.domain.client;

import io.senchat.domain.common.Clock;
import io.senchat.domain.transport.ClientTransport;
import io.senchat.domain.transport.ClientTransportFactory;
import io.senchat.domain.transport.ClientTransportListener;
import io.senchat.domain.transport.CloseReason;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The JVM side of the engine's single-thread contract, as a bot or the load generator would provide it: one thread
 * runs the client, its timers, and every transport event (transports call back from their own threads, so
 * {@link #bind} re-posts their events onto the loop). The clock is monotonic: wall-clock time at start plus
 * {@link System#nanoTime()} elapsed.
 */
final class JvmEventLoop implements Scheduler, Clock, AutoCloseable {

  private final ScheduledExecutorService executor;
  private final long originMillis = System.currentTimeMillis();
  private final long originNanos = System.nanoTime();
  private volatile Thread loopThread;

  JvmEventLoop(String name) {
    executor = Executors.newSingleThreadScheduledExecutor(task -> {
      Thread thread = new Thread(task, name);
      thread.setDaemon(true);
      loopThread = thread;
      return thread;
    });
  }

  @Override
  public long nowMillis() {
    return originMillis + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - originNanos);
  }

  @Override
  public Cancellable schedule(long delayMillis, Runnable task) {
    ScheduledFuture<?> future = executor.schedule(task, Math.max(0, delayMillis), TimeUnit.MILLISECONDS);
    return () -> future.cancel(false);
  }

  void execute(Runnable task) {
    executor.execute(task);
  }

  /** Runs {@code task} on the loop and waits for its result: how other threads call the client. */
  <T> T call(Callable<T> task) throws InterruptedException, ExecutionException {
    return executor.submit(task).get();
  }

  /** {@link #call} for tests that cannot throw checked exceptions. */
  <T> T callQuietly(Callable<T> task) {
    try {
      return call(task);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    }
  }

  boolean onLoop() {
    return Thread.currentThread() == loopThread;
  }

  /** A factory whose transports report their events on this loop, whatever thread they come from. */
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

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
