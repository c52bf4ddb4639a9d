package io.senchat.domain.client;

import io.senchat.domain.common.Clock;
import java.util.PriorityQueue;

/**
 * A fake clock and scheduler under the test's control: time moves only when the test says so, and scheduled tasks
 * run in due order with the clock set to their due time. {@link #sleep} moves the clock without running timers,
 * like a host that slept or a background tab whose timers were throttled; the overdue timers then fire late.
 */
final class ManualTime implements Clock, Scheduler {

  private static final class Task implements Comparable<Task> {
    final long dueAt;
    final long order;
    final Runnable body;
    boolean cancelled;

    Task(long dueAt, long order, Runnable body) {
      this.dueAt = dueAt;
      this.order = order;
      this.body = body;
    }

    @Override
    public int compareTo(Task other) {
      int byTime = Long.compare(dueAt, other.dueAt);
      return byTime != 0 ? byTime : Long.compare(order, other.order);
    }
  }

  private final PriorityQueue<Task> tasks = new PriorityQueue<>();
  private long now;
  private long order;

  ManualTime(long startMillis) {
    now = startMillis;
  }

  ManualTime() {
    this(1_700_000_000_000L);
  }

  @Override
  public long nowMillis() {
    return now;
  }

  @Override
  public Cancellable schedule(long delayMillis, Runnable task) {
    Task scheduled = new Task(now + Math.max(0, delayMillis), order++, task);
    tasks.add(scheduled);
    return () -> scheduled.cancelled = true;
  }

  /** Lets {@code millis} pass, running every task that falls due, in order. */
  void advance(long millis) {
    long end = now + millis;
    while (true) {
      Task next = tasks.peek();
      if (next == null || next.dueAt > end) {
        break;
      }
      tasks.poll();
      if (next.cancelled) {
        continue;
      }
      now = Math.max(now, next.dueAt);
      next.body.run();
    }
    now = end;
  }

  /** Runs what is due now (including tasks scheduled with delay 0). */
  void runDue() {
    advance(0);
  }

  /** Moves the clock without running any timer. */
  void sleep(long millis) {
    now += millis;
  }

  /** Delay until the next live task, or -1 when none. */
  long nextDelay() {
    while (!tasks.isEmpty() && tasks.peek().cancelled) {
      tasks.poll();
    }
    return tasks.isEmpty() ? -1 : tasks.peek().dueAt - now;
  }

  int liveTasks() {
    return (int) tasks.stream().filter(t -> !t.cancelled).count();
  }
}
