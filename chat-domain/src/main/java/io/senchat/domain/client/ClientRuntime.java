package io.senchat.domain.client;

import io.senchat.domain.common.Clock;
import io.senchat.domain.common.RandomSource;

/**
 * The platform services the engine runs on, provided once per platform (browser, JVM) or faked in tests.
 *
 * @param clock preferably monotonic (e.g. from {@code performance.now()} or {@code System.nanoTime()}): heartbeats
 *     and timeouts measure elapsed time with it, and a wall clock that jumps can delay or hasten them
 */
public record ClientRuntime(Scheduler scheduler, Clock clock, RandomSource random) {

  public ClientRuntime {
    if (scheduler == null || clock == null || random == null) {
      throw new IllegalArgumentException("scheduler, clock and random source must not be null");
    }
  }
}
