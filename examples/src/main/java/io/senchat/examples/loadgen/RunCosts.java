package io.senchat.examples.loadgen;

import java.util.List;
import java.util.Locale;

/**
 * What a sending run cost and how well the generator kept its schedule, printed under the result line: latency from
 * the scheduled send time (the coordinated-omission-free figure), how late the send timers fired, and the CPU used
 * during the sending window by the generator, the server's JVM and the database.
 *
 * @param fromDueP50Micros arrival minus scheduled send time, percentiles and maximum in microseconds
 * @param sendLagP50Micros how late send timers fired, in microseconds
 * @param lateSends sends more than {@link LoadClient#LATE_NANOS} late (none are skipped)
 * @param windowSeconds length of the CPU measurement (the sending window)
 * @param windowDeliveries deliveries that arrived during that window
 * @param generatorTicks CPU ticks ({@link CpuTimes#TICKS_PER_SECOND} per second) of this process in the window
 * @param serverTicks the server JVM's ticks in the window, or -1 without {@code --server-pid}
 * @param dbTicks ticks of the database (the {@code --db-pid} process and its children), or -1 without it
 * @param serverSends sends the server's own {@code senchat.send.latency} histogram counted in the window, or -1 when
 *     the server has no {@code /metrics}; the percentiles that follow are that histogram's bucket bounds
 */
public record RunCosts(long fromDueP50Micros, long fromDueP95Micros, long fromDueP99Micros, long fromDueMaxMicros,
    long sendLagP50Micros, long sendLagP99Micros, long sendLagMaxMicros, long lateSends, double windowSeconds,
    long windowDeliveries, long generatorTicks, long serverTicks, long dbTicks,
    long serverSends, long serverSendP50Micros, long serverSendP95Micros, long serverSendP99Micros) {

  /** Cores used on average over the window by {@code ticks}. */
  double cores(long ticks) {
    return windowSeconds <= 0 || ticks < 0 ? -1 : ticks / (double) CpuTimes.TICKS_PER_SECOND / windowSeconds;
  }

  /** CPU microseconds per delivery for {@code ticks}, or -1. */
  double microsPerDelivery(long ticks) {
    return windowDeliveries <= 0 || ticks < 0 ? -1 : ticks * (1e6 / CpuTimes.TICKS_PER_SECOND) / windowDeliveries;
  }

  /** The lines printed after the result line. */
  List<String> lines() {
    String schedule = String.format(Locale.ROOT, "loadgen-schedule: from_due_p50_ms=%s from_due_p95_ms=%s "
        + "from_due_p99_ms=%s from_due_max_ms=%s send_lag_p50_ms=%s send_lag_p99_ms=%s send_lag_max_ms=%s "
        + "late_sends=%d skipped_sends=0", ms(fromDueP50Micros), ms(fromDueP95Micros), ms(fromDueP99Micros),
        ms(fromDueMaxMicros), ms(sendLagP50Micros), ms(sendLagP99Micros), ms(sendLagMaxMicros), lateSends);
    StringBuilder cpu = new StringBuilder(String.format(Locale.ROOT,
        "loadgen-cpu: window_s=%.1f deliveries=%d generator_cores=%.2f generator_us_per_delivery=%.1f",
        windowSeconds, windowDeliveries, cores(generatorTicks), microsPerDelivery(generatorTicks)));
    if (serverTicks >= 0) {
      cpu.append(String.format(Locale.ROOT, " server_jvm_cores=%.2f server_jvm_us_per_delivery=%.1f",
          cores(serverTicks), microsPerDelivery(serverTicks)));
    }
    if (dbTicks >= 0) {
      cpu.append(String.format(Locale.ROOT, " db_cores=%.2f db_us_per_delivery=%.1f", cores(dbTicks),
          microsPerDelivery(dbTicks)));
    }
    if (serverSends < 0) {
      return List.of(schedule, cpu.toString());
    }
    // The server's part: frame received to ack queued, the durable commit and the fan-out included.
    String server = String.format(Locale.ROOT, "loadgen-server: sends=%d receive_to_ack_p50_ms=%s "
        + "receive_to_ack_p95_ms=%s receive_to_ack_p99_ms=%s", serverSends, ms(serverSendP50Micros),
        ms(serverSendP95Micros), ms(serverSendP99Micros));
    return List.of(schedule, cpu.toString(), server);
  }

  private static String ms(long micros) {
    if (micros == Long.MAX_VALUE) {
      return "inf";
    }
    return String.format(Locale.ROOT, "%.2f", micros / 1000.0);
  }
}
