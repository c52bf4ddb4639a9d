package io.senchat.server.sync;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableSet;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * {@link WriteBarrier} for the writes of this process: tickets are numbered in entry order, and a waiter is released
 * when the oldest ticket still open is newer than every ticket that existed when it started waiting.
 */
@Singleton
final class InProcessWriteBarrier implements WriteBarrier {

  private record Waiter(long lastTicket, CompletableFuture<Void> future) {
  }

  private static final CompletableFuture<Void> PASSED = CompletableFuture.completedFuture(null);
  private static final int PRUNE_AT = 1024;

  private final Object lock = new Object();
  // Guarded by lock.
  private long lastTicket;
  private final NavigableSet<Long> open = new TreeSet<>();
  // Ascending lastTicket, because they are added under the lock as lastTicket grows.
  private final ArrayDeque<Waiter> waiters = new ArrayDeque<>();

  @Inject
  InProcessWriteBarrier() {
  }

  @Override
  public Ticket enter() {
    synchronized (lock) {
      long number = ++lastTicket;
      open.add(number);
      return new OpenTicket(number);
    }
  }

  @Override
  public CompletableFuture<Void> passed() {
    synchronized (lock) {
      if (open.isEmpty()) {
        return PASSED;
      }
      if (waiters.size() >= PRUNE_AT) {
        // Waiters that gave up (cancelled) would otherwise pile up behind a write that takes long to finish.
        waiters.removeIf(waiter -> waiter.future().isDone());
      }
      CompletableFuture<Void> future = new CompletableFuture<>();
      waiters.add(new Waiter(lastTicket, future));
      return future;
    }
  }

  private void exit(long number) {
    List<CompletableFuture<Void>> released = new ArrayList<>();
    synchronized (lock) {
      open.remove(number);
      long oldestOpen = open.isEmpty() ? Long.MAX_VALUE : open.first();
      while (!waiters.isEmpty() && waiters.peekFirst().lastTicket() < oldestOpen) {
        released.add(waiters.pollFirst().future());
      }
    }
    // Outside the lock: waiters' continuations may run right here.
    for (CompletableFuture<Void> future : released) {
      future.complete(null);
    }
  }

  int openCount() {
    synchronized (lock) {
      return open.size();
    }
  }

  @Override
  public String toString() {
    synchronized (lock) {
      return "InProcessWriteBarrier[" + open.size() + " open, " + waiters.size() + " waiting]";
    }
  }

  /** A ticket that exits once. */
  private final class OpenTicket implements Ticket {

    private final long number;
    private final AtomicBoolean closed = new AtomicBoolean();

    OpenTicket(long number) {
      this.number = number;
    }

    @Override
    public void close() {
      if (closed.compareAndSet(false, true)) {
        exit(number);
      }
    }
  }
}
