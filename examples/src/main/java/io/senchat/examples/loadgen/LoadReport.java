package io.senchat.examples.loadgen;

import java.util.List;
import java.util.Locale;

/**
 * The outcome of one run, and the one result line the load generator prints.
 *
 * @param idle whether the run only held connections
 * @param clients clients asked for
 * @param connected clients that reached {@code welcome} within the connect timeout
 * @param held in an idle run, clients still online at the end of the hold; otherwise equal to {@code connected}
 * @param sent messages the server acknowledged with a seq (each counted once, resends included)
 * @param delivered distinct (receiver, conversation, seq) {@code message.new} arrivals of acknowledged messages at
 *     receivers other than the sender, as the application sees them (after the engine's deduplication)
 * @param expected the sum over acknowledged messages of (members of the group - 1)
 * @param duplicated arrivals, as the application sees them, beyond the first for the same (receiver, conversation,
 *     seq): the engine promises none
 * @param rawDuplicated the same, counted on the raw frames before the engine's deduplication (replays after a
 *     reconnect legitimately repeat messages there)
 * @param refused messages the client's offline queue refused (it was full)
 * @param failed messages the server refused for good
 * @param untracked arrivals the bounded bookkeeping could not store; non-zero makes the counts unreliable
 * @param p50Micros send-to-arrival latency percentiles and maximum, in microseconds
 * @param windowSeconds length of the sending window, the denominator of deliveries per second
 * @param memory the server's resident memory around connecting, or {@code null} without {@code --server-pid}
 * @param costs schedule keeping and CPU of a sending run, or {@code null}
 */
public record LoadReport(String transport, boolean idle, int clients, int connected, int held, int durationSeconds,
    long sent, long delivered, long expected, long duplicated, long rawDuplicated, long refused, long failed,
    long untracked, long p50Micros, long p95Micros, long p99Micros, long maxMicros, double windowSeconds,
    ServerMemory memory, RunCosts costs) {

  /** A report without {@link RunCosts}. */
  public LoadReport(String transport, boolean idle, int clients, int connected, int held, int durationSeconds,
      long sent, long delivered, long expected, long duplicated, long rawDuplicated, long refused, long failed,
      long untracked, long p50Micros, long p95Micros, long p99Micros, long maxMicros, double windowSeconds,
      ServerMemory memory) {
    this(transport, idle, clients, connected, held, durationSeconds, sent, delivered, expected, duplicated,
        rawDuplicated, refused, failed, untracked, p50Micros, p95Micros, p99Micros, maxMicros, windowSeconds, memory,
        null);
  }

  /**
   * The server's memory before and after the clients connected, each read right after a full collection.
   *
   * @param heapBeforeKb heap in use, or -1 when the server's JVM could not be asked (then so is {@code heapAfterKb})
   * @param connections connections opened in between, the denominator of the per-connection figures
   */
  public record ServerMemory(long rssBeforeKb, long rssAfterKb, long heapBeforeKb, long heapAfterKb,
      int connections) {

    public double kbPerConnection() {
      return connections == 0 ? 0 : (double) (rssAfterKb - rssBeforeKb) / connections;
    }

    public boolean hasHeap() {
      return heapBeforeKb >= 0 && heapAfterKb >= 0;
    }

    public double heapKbPerConnection() {
      return connections == 0 ? 0 : (double) (heapAfterKb - heapBeforeKb) / connections;
    }
  }

  /** Deliveries that should have happened and did not; negative would mean a bookkeeping bug. */
  public long lost() {
    return expected - delivered;
  }

  /** Unique deliveries per second of the sending window. */
  public double deliveriesPerSecond() {
    return windowSeconds <= 0 ? 0 : delivered / windowSeconds;
  }

  /** True when the run fails its own bar: a client did not connect, a message was lost, or counting overflowed. */
  public boolean failedRun() {
    return connected < clients || lost() != 0 || untracked > 0;
  }

  /**
   * The result line. A sending run prints
   * {@code loadgen: transport=ws clients=N connected=N sent=S delivered=D expected=E lost=L duplicated=U p50_ms=…
   * p95_ms=… p99_ms=… max_ms=… deliveries_per_s=…}; an idle run
   * {@code loadgen: transport=ws mode=idle clients=N connected=N held=N duration_s=D}. With server memory (idle runs
   * with a server pid), the line ends with {@code rss_before_mb=… rss_after_mb=… kb_per_connection=…}, and when the
   * server is a JVM that jcmd can reach, {@code heap_before_mb=… heap_after_mb=… heap_kb_per_connection=…}.
   */
  public String resultLine() {
    StringBuilder line = new StringBuilder("loadgen: transport=").append(transport);
    if (idle) {
      line.append(" mode=idle clients=").append(clients)
          .append(" connected=").append(connected)
          .append(" held=").append(held)
          .append(" duration_s=").append(durationSeconds);
    } else {
      line.append(" clients=").append(clients)
          .append(" connected=").append(connected)
          .append(" sent=").append(sent)
          .append(" delivered=").append(delivered)
          .append(" expected=").append(expected)
          .append(" lost=").append(lost())
          .append(" duplicated=").append(duplicated)
          .append(" p50_ms=").append(millis(p50Micros))
          .append(" p95_ms=").append(millis(p95Micros))
          .append(" p99_ms=").append(millis(p99Micros))
          .append(" max_ms=").append(millis(maxMicros))
          .append(" deliveries_per_s=").append(String.format(Locale.ROOT, "%.1f", deliveriesPerSecond()));
    }
    if (memory != null) {
      line.append(" rss_before_mb=").append(String.format(Locale.ROOT, "%.1f", memory.rssBeforeKb() / 1024.0))
          .append(" rss_after_mb=").append(String.format(Locale.ROOT, "%.1f", memory.rssAfterKb() / 1024.0))
          .append(" kb_per_connection=").append(String.format(Locale.ROOT, "%.1f", memory.kbPerConnection()));
      if (memory.hasHeap()) {
        line.append(" heap_before_mb=").append(String.format(Locale.ROOT, "%.1f", memory.heapBeforeKb() / 1024.0))
            .append(" heap_after_mb=").append(String.format(Locale.ROOT, "%.1f", memory.heapAfterKb() / 1024.0))
            .append(" heap_kb_per_connection=")
            .append(String.format(Locale.ROOT, "%.1f", memory.heapKbPerConnection()));
      }
    }
    return line.toString();
  }

  /** Lines printed after the result line: schedule keeping and CPU use of a sending run (none for idle runs). */
  public List<String> extraLines() {
    return costs == null ? List.of() : costs.lines();
  }

  /** The counters that are not on the result line, for the log. */
  public String details() {
    return String.format(Locale.ROOT, "raw_duplicated=%d refused=%d failed=%d untracked=%d window_s=%.1f",
        rawDuplicated, refused, failed, untracked, windowSeconds);
  }

  private static String millis(long micros) {
    return String.format(Locale.ROOT, "%.2f", micros / 1000.0);
  }
}
