package io.senchat.domain.client;

/**
 * Runs tasks later on the client's event loop: {@code setTimeout} in the browser, a single-thread scheduled executor on
 * the JVM. The engine never assumes a task runs on time (background tabs throttle timers); it measures elapsed time
 * with the {@link io.senchat.domain.common.Clock} instead.
 */
@FunctionalInterface
public interface Scheduler {

  /** Runs {@code task} on the event loop after about {@code delayMillis} (0: as soon as possible, never inline). */
  Cancellable schedule(long delayMillis, Runnable task);
}
