package io.senchat.examples.loadgen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.senchat.examples.client.LocalChatServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The load generator against the real server (embedded PostgreSQL, real sockets), small enough for the suite. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LoadGeneratorEndToEndTest {

  private LocalChatServer server;

  @BeforeAll
  void startServer() {
    server = LocalChatServer.shared();
  }

  @Test
  @Timeout(120)
  void twentyClientsInGroupsOfFiveLoseAndRepeatNothing() throws Exception {
    LoadGenOptions options = LoadGenOptions.defaults(server.url()).withTraffic(20, 5, 2, 3);
    LoadReport report = new LoadGenerator(options).run();

    String line = report.resultLine();
    System.out.println(line);
    assertTrue(LoadReportTest.SENDING_LINE.matcher(line).matches(), line);
    assertEquals(20, report.connected(), line);
    // 20 clients × 2 msg/s × 3 s, give or take the first and last tick of each client's phase.
    assertTrue(report.sent() >= 100 && report.sent() <= 140, line);
    assertEquals(report.sent() * 4, report.expected(), "every message has four other members to reach: " + line);
    assertEquals(0, report.lost(), line);
    assertEquals(0, report.duplicated(), line);
    assertEquals(0, report.failed(), report.details());
    assertEquals(0, report.untracked(), report.details());
    assertTrue(report.p50Micros() > 0 && report.p50Micros() <= report.p99Micros()
        && report.p99Micros() <= report.maxMicros(), line);
    assertFalse(report.failedRun(), line);
    // The schedule and CPU lines (the server is this JVM: no server CPU), and the server's histogram when it has
    // a metrics page.
    assertTrue(report.extraLines().size() >= 2, report.extraLines().toString());
    assertTrue(report.extraLines().get(0).matches("loadgen-schedule: from_due_p50_ms=\\d+\\.\\d\\d .* "
        + "late_sends=\\d+ skipped_sends=0"), report.extraLines().get(0));
    assertTrue(report.extraLines().get(1).matches("loadgen-cpu: window_s=\\d+\\.\\d deliveries=\\d+ "
        + "generator_cores=\\d+\\.\\d\\d generator_us_per_delivery=\\d+\\.\\d"), report.extraLines().get(1));
  }

  @ParameterizedTest
  @ValueSource(strings = {"longpoll", "auto"})
  @Timeout(120)
  void theOtherTransportsLoseAndRepeatNothingEither(String transport) throws Exception {
    LoadGenOptions options = LoadGenOptions.defaults(server.url()).withTraffic(10, 5, 2, 2).withTransport(transport);
    LoadReport report = new LoadGenerator(options).run();

    String line = report.resultLine();
    System.out.println(line);
    assertTrue(line.startsWith("loadgen: transport=" + transport + " clients=10 connected=10 "), line);
    assertTrue(report.sent() > 0, line);
    assertEquals(report.sent() * 4, report.expected(), line);
    assertEquals(0, report.lost(), line);
    assertEquals(0, report.duplicated(), line);
    assertFalse(report.failedRun(), line);
  }

  @Test
  @Timeout(120)
  void anIdleRunHoldsItsConnectionsAndReadsTheServersMemory() throws Exception {
    // Six connections of three accounts (two devices each). The server runs in this JVM: its memory is ours.
    LoadGenOptions options = LoadGenOptions.defaults(server.url()).withTraffic(6, 3, 1, 1).withIdle(true, 3)
        .withServerPid(ProcessHandle.current().pid());
    LoadReport report = new LoadGenerator(options).run();

    String line = report.resultLine();
    System.out.println(line);
    assertTrue(line.matches("loadgen: transport=ws mode=idle clients=6 connected=6 held=6 duration_s=1 "
        + "rss_before_mb=\\d+\\.\\d rss_after_mb=\\d+\\.\\d kb_per_connection=-?\\d+\\.\\d"
        + "( heap_before_mb=\\d+\\.\\d heap_after_mb=\\d+\\.\\d heap_kb_per_connection=-?\\d+\\.\\d)?"), line);
    assertNotNull(report.memory());
    assertTrue(report.memory().hasHeap(), "jcmd of this JDK reached this JVM: " + line);
    assertEquals(0, report.sent());
    assertTrue(report.extraLines().isEmpty());
    assertFalse(report.failedRun(), line);
  }
}
