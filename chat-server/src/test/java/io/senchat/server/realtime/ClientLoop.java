package io.senchat.server.realtime;

import io.senchat.domain.client.Cancellable;
import io.senchat.domain.client.Scheduler;
import io.senchat.domain.common.Clock;
import io.senchat.domain.transport.ClientTransport;
import io.senchat.domain.transport.ClientTransportFactory;
import io.senchat.domain.transport.ClientTransportListener;
import io.senchat.domain.transport.CloseReason;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The engine's single-thread contract on the JVM (mirrors chat-domain's test {@code JvmEventLoop}): one thread runs
 * the clients, their timers and every transport event, which {@link #bind} re-posts onto it. Several clients may share
 * a loop, as tabs share a browser's.
 */
public final class ClientLoop implements Scheduler, Clock, AutoCloseable {

  private final ScheduledExecutorService executor;
  private final long originMillis = System.currentTimeMillis();
  private final long originNanos = System.nanoTime();

  public ClientLoop(String name) {
    this(name, Thread.NORM_PRIORITY);
  }

  /** A loop whose thread runs at {@code priority} (the benchmark lowers its clients' below the server's). */
  public ClientLoop(String name, int priority) {
    executor = Executors.newSingleThreadScheduledExecutor(task -> {
      Thread thread = new Thread(task, name);
      thread.setDaemon(true);
      thread.setPriority(priority);
      return thread;
    });
  }

  @Override
  public long nowMillis() {
    return originMillis + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - originNanos);
  }

  @Override
  public Cancellable schedule(long delayMillis, Runnable task) {
    try {
      ScheduledFuture<?> future = executor.schedule(task, Math.max(0, delayMillis), TimeUnit.MILLISECONDS);
      return () -> future.cancel(false);
    } catch (RejectedExecutionException closed) {
      return () -> { };
    }
  }

  /** Runs {@code task} on the loop later; after {@link #close} it is dropped. */
  public void execute(Runnable task) {
    try {
      executor.execute(task);
    } catch (RejectedExecutionException closed) {
      // The test is over and its loop closed; late transport events have nobody to tell.
    }
  }

  /** Runs {@code task} on the loop and waits for its result: how the test thread calls a client. */
  public <T> T call(Callable<T> task) {
    try {
      return executor.submit(task).get(20, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    } catch (TimeoutException e) {
      throw new IllegalStateException("the client loop is stuck", e);
    }
  }

  public void run(Runnable task) {
    call(() -> {
      task.run();
      return null;
    });
  }

  /** Runs tasks on the loop: for transports that take an executor for their events. */
  public Executor executor() {
    return this::execute;
  }

  /** A factory whose transports report their events on this loop, whatever thread they come from. */
  public ClientTransportFactory bind(ClientTransportFactory factory) {
    return new LoopBoundFactory(factory);
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }

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
      return new LoopBoundTransport(factory.create(baseUrl, accessToken));
    }
  }

  private final class LoopBoundTransport implements ClientTransport {

    private final ClientTransport transport;

    LoopBoundTransport(ClientTransport transport) {
      this.transport = transport;
    }

    @Override
    public void connect(ClientTransportListener listener) {
      transport.connect(new LoopBoundListener(listener));
    }

    @Override
    public boolean send(String frame) {
      return transport.send(frame);
    }

    @Override
    public void close() {
      transport.close();
    }
  }

  private final class LoopBoundListener implements ClientTransportListener {

    private final ClientTransportListener listener;

    LoopBoundListener(ClientTransportListener listener) {
      this.listener = listener;
    }

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
  }
}
