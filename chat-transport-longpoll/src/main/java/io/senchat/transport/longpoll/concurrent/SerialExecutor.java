package io.senchat.transport.longpoll.concurrent;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs tasks one at a time, in submission order, on a shared executor: per-session ordering without a thread per
 * session. (The WebSocket transport has the same helper; neither module depends on the other.)
 */
public final class SerialExecutor implements Executor {

  private static final Logger LOG = LoggerFactory.getLogger(SerialExecutor.class);

  // After this many tasks the drain yields its thread so that one busy session cannot starve the others.
  private static final int BATCH = 64;

  private final Executor delegate;
  private final String name;
  private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean scheduled = new AtomicBoolean();

  /**
   * @param delegate the shared pool that lends threads
   * @param name for logs, e.g. the session id
   */
  public SerialExecutor(Executor delegate, String name) {
    if (delegate == null || name == null) {
      throw new IllegalArgumentException("delegate and name must not be null");
    }
    this.delegate = delegate;
    this.name = name;
  }

  @Override
  public void execute(Runnable task) {
    tasks.add(task);
    schedule();
  }

  private void schedule() {
    if (!tasks.isEmpty() && scheduled.compareAndSet(false, true)) {
      try {
        delegate.execute(this::drain);
      } catch (RejectedExecutionException e) {
        LOG.warn("{}: executor rejected {} pending task(s)", name, tasks.size());
        tasks.clear();
        scheduled.set(false);
      }
    }
  }

  private void drain() {
    try {
      for (int i = 0; i < BATCH; i++) {
        Runnable task = tasks.poll();
        if (task == null) {
          break;
        }
        try {
          task.run();
        } catch (RuntimeException e) {
          LOG.error("{}: task failed", name, e);
        }
      }
    } finally {
      scheduled.set(false);
      schedule();
    }
  }

  @Override
  public String toString() {
    return "SerialExecutor[" + name + ", " + tasks.size() + " queued]";
  }
}
