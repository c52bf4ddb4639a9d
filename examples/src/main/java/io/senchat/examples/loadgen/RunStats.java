package io.senchat.examples.loadgen;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counters every client of a run adds to, from whichever loop it lives on; the generator reads them for progress and
 * for deciding when the deliveries have drained. The exact counts of the report come from {@link LoadClient#tally}.
 */
final class RunStats {

  /** Transport arrival minus the send call, in microseconds: what the result line reports. */
  final LatencyHistogram latency = new LatencyHistogram();
  /** Transport arrival minus the scheduled send time: includes the generator's own lag (coordinated omission). */
  final LatencyHistogram latencyFromDue = new LatencyHistogram();
  /** How late each send timer fired after its scheduled time, in microseconds. */
  final LatencyHistogram sendLag = new LatencyHistogram();
  final LongAdder everOnline = new LongAdder();
  final LongAdder online = new LongAdder();
  /** Messages queued and not yet acknowledged or refused. */
  final LongAdder outstanding = new LongAdder();
  final LongAdder acked = new LongAdder();
  final LongAdder expected = new LongAdder();
  /** First arrivals of marked messages at receivers other than the sender (acknowledged or not yet). */
  final LongAdder arrivals = new LongAdder();
  final LongAdder duplicates = new LongAdder();
  final LongAdder rawDuplicates = new LongAdder();
  final LongAdder refused = new LongAdder();
  final LongAdder failed = new LongAdder();
  /** Sends that fired more than {@link LoadClient#LATE_NANOS} after their scheduled time. */
  final LongAdder lateSends = new LongAdder();
  private final AtomicInteger warnings = new AtomicInteger();
  private final int maxWarnings;

  RunStats(int maxWarnings) {
    this.maxWarnings = maxWarnings;
  }

  /** True for the first few warnings of a run: with thousands of clients, one cause would otherwise flood the log. */
  boolean warn() {
    return warnings.incrementAndGet() <= maxWarnings;
  }

  /** Warnings beyond those logged. */
  int suppressedWarnings() {
    return Math.max(0, warnings.get() - maxWarnings);
  }
}
