package io.senchat.store.message;

import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;

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

  /**
   * Queues a message with what to run once it is committed (or refused: UNAVAILABLE when the queue is full or the
   * writer is closed). {@code whenDone} is attached before the message is queued, so after a commit it runs on the
   * completion thread, in commit order with its conversation's other appends. Attaching to the future of
   * {@link #submit(NewMessage)} instead can lose that order: when the commit wins the race, the callback runs on the
   * attaching thread.
   */
  void submit(NewMessage message, BiConsumer<AppendResult, Throwable> whenDone);

  /** Stops accepting messages, writes those already queued, and waits for the writer threads to end. */
  @Override
  void close();
}
