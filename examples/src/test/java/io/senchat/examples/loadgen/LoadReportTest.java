package io.senchat.examples.loadgen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The result line is an interface for scripts: fields, order and number formats are fixed. */
class LoadReportTest {

  /** The line a sending run must print, field by field, in this order. */
  static final Pattern SENDING_LINE = Pattern.compile("loadgen: transport=[a-z]+ clients=\\d+ connected=\\d+ "
      + "sent=\\d+ delivered=\\d+ expected=\\d+ lost=-?\\d+ duplicated=\\d+ p50_ms=\\d+\\.\\d\\d p95_ms=\\d+\\.\\d\\d "
      + "p99_ms=\\d+\\.\\d\\d max_ms=\\d+\\.\\d\\d deliveries_per_s=\\d+\\.\\d");

  private static LoadReport sending(long delivered, LoadReport.ServerMemory memory) {
    return new LoadReport("ws", false, 20, 20, 20, 3, 120, delivered, 480, 0, 7, 0, 0, 0, 1_234, 5_678, 12_346,
        20_001, 3.0, memory);
  }

  @Test
  void aSendingRunPrintsExactlyTheAgreedFieldsInOrder() {
    String line = sending(480, null).resultLine();
    assertEquals("loadgen: transport=ws clients=20 connected=20 sent=120 delivered=480 expected=480 lost=0 "
        + "duplicated=0 p50_ms=1.23 p95_ms=5.68 p99_ms=12.35 max_ms=20.00 deliveries_per_s=160.0", line);
    assertTrue(SENDING_LINE.matcher(line).matches(), line);
    List<String> keys = List.of(line.substring("loadgen: ".length()).split(" ")).stream()
        .map(field -> field.substring(0, field.indexOf('='))).toList();
    assertEquals(List.of("transport", "clients", "connected", "sent", "delivered", "expected", "lost", "duplicated",
        "p50_ms", "p95_ms", "p99_ms", "max_ms", "deliveries_per_s"), keys);
    assertFalse(line.contains("\n"));
  }

  @Test
  void lostIsExpectedMinusDeliveredAndFailsTheRun() {
    LoadReport lossy = sending(470, null);
    assertEquals(10, lossy.lost());
    assertTrue(lossy.resultLine().contains(" lost=10 "));
    assertTrue(lossy.failedRun());
    assertFalse(sending(480, null).failedRun());
  }

  @Test
  void aClientThatNeverConnectedFailsTheRun() {
    LoadReport report = new LoadReport("ws", false, 20, 19, 19, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3.0, null);
    assertTrue(report.failedRun());
  }

  @Test
  void memoryFiguresGoAtTheEnd() {
    String line = sending(480, new LoadReport.ServerMemory(200 * 1024, 260 * 1024, -1, -1, 20)).resultLine();
    assertTrue(line.endsWith(" deliveries_per_s=160.0 rss_before_mb=200.0 rss_after_mb=260.0 "
        + "kb_per_connection=3072.0"), line);
    String withHeap = sending(480, new LoadReport.ServerMemory(200 * 1024, 260 * 1024, 50 * 1024, 51 * 1024, 20))
        .resultLine();
    assertTrue(withHeap.endsWith(" kb_per_connection=3072.0 heap_before_mb=50.0 heap_after_mb=51.0 "
        + "heap_kb_per_connection=51.2"), withHeap);
  }

  @Test
  void anIdleRunReportsConnectionsOnly() {
    LoadReport idle = new LoadReport("ws", true, 10_000, 10_000, 9_998, 60, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        new LoadReport.ServerMemory(300 * 1024, 500 * 1024, -1, -1, 10_000));
    assertEquals("loadgen: transport=ws mode=idle clients=10000 connected=10000 held=9998 duration_s=60 "
        + "rss_before_mb=300.0 rss_after_mb=500.0 kb_per_connection=20.5", idle.resultLine());
    assertFalse(idle.failedRun());
  }

  @Test
  void numbersDoNotFollowTheDefaultLocale() {
    java.util.Locale saved = java.util.Locale.getDefault();
    try {
      java.util.Locale.setDefault(java.util.Locale.GERMANY);
      assertTrue(SENDING_LINE.matcher(sending(480, null).resultLine()).matches());
    } finally {
      java.util.Locale.setDefault(saved);
    }
  }
}
