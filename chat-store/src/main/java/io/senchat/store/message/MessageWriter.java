package io.senchat.store.message;

import java.util.concurrent.CompletableFuture;

/**
 * Appends messages through group commit: many sends share one transaction and one WAL flush. A future completes
 * only after its transaction committed, so an acknowledgement always means durable.
 *
 * <p>Futures complete on the writer's completion thread, in commit order; use the {@code *Async} variants for
 * anything slow.
 */
public interface MessageWriter extends AutoCloseable {

  /** Queues a message; the future fails with UNAVAILABLE when the queue is full or the writer is closed. */
  CompletableFuture<AppendResult> submit(NewMessage message);

  /** Stops accepting messages, writes those already queued, and waits for the writer threads to end. */
  @Override
  void close();
}
