package io.senchat.server.sync;

import java.util.concurrent.CompletableFuture;

/**
 * Tracks writes that record change events, from before their transaction starts until their fan-out is done, so
 * that a resuming session can wait for the writes that were in flight when it registered for live events.
 *
 * <p>Why: the change feed hands out an event only once every older transaction has ended. An event committed just
 * before a session registered, while an older transaction was still running, is neither delivered live to it (too
 * early) nor visible to its replay (too soon). Replaying once those writes are done closes that gap. Every code path
 * that writes change events and fans them out (the real-time core, the REST API) should hold a ticket around it.
 */
public interface WriteBarrier {

  /** Enters a write; close the ticket after its fan-out, or when it failed. */
  Ticket enter();

  /** Runs one write (its transaction and its fan-out) inside a ticket. */
  default void around(Runnable write) {
    try (Ticket ticket = enter()) {
      write.run();
    }
  }

  /** Completes once every write entered before this call has closed its ticket; cancel it to stop waiting. */
  CompletableFuture<Void> passed();

  /** One write in flight. */
  interface Ticket extends AutoCloseable {

    /** The write is done (committed and fanned out, or failed); idempotent. */
    @Override
    void close();
  }
}
