package io.senchat.domain.client;

/** A scheduled task that can still be called off. */
@FunctionalInterface
public interface Cancellable {

  /** Prevents the task from running if it has not run yet; harmless afterwards. */
  void cancel();
}
