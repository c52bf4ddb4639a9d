package io.senchat.examples.loadgen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ServerSendLatencyTest {

  private static String page(long a, long b, long c, long inf) {
    return """
        # HELP senchat_send_latency_seconds From message.send received to ack queued
        # TYPE senchat_send_latency_seconds histogram
        senchat_send_latency_seconds_bucket{le="0.001"} %d
        senchat_send_latency_seconds_bucket{le="0.002"} %d
        senchat_send_latency_seconds_bucket{le="0.01"} %d
        senchat_send_latency_seconds_bucket{le="+Inf"} %d
        senchat_send_latency_seconds_count %d
        senchat_frames_in_total 12.0
        """.formatted(a, b, c, inf, inf);
  }

  @Test
  void percentilesOfTheSendsBetweenTwoScrapes() {
    ServerSendLatency.Histogram before = ServerSendLatency.parse(page(5, 5, 5, 5)).orElseThrow();
    ServerSendLatency.Histogram after = ServerSendLatency.parse(page(55, 100, 104, 105)).orElseThrow();
    ServerSendLatency.Histogram run = after.minus(before);
    assertEquals(100, run.count());
    assertEquals(1_000, run.percentileMicros(50));
    assertEquals(2_000, run.percentileMicros(95));
    assertEquals(10_000, run.percentileMicros(99));
    assertEquals(Long.MAX_VALUE, run.percentileMicros(100));
  }

  @Test
  void aPageWithoutTheHistogramGivesNothing() {
    assertTrue(ServerSendLatency.parse("senchat_frames_in_total 12.0\n").isEmpty());
    assertEquals(-1, ServerSendLatency.parse(page(0, 0, 0, 0)).orElseThrow().percentileMicros(50));
  }
}
