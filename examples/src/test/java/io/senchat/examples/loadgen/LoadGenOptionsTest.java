package io.senchat.examples.loadgen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The command line. */
class LoadGenOptionsTest {

  @Test
  void readsEveryFlag() {
    LoadGenOptions options = LoadGenOptions.parse(new String[] {"--url", "http://127.0.0.1:9000", "--clients", "20",
        "--group-size", "5", "--rate", "0.5", "--duration", "3", "--transport", "WS", "--server-pid", "1234",
        "--db-pid", "5678", "--loops", "3", "--connect-concurrency", "7", "--http-concurrency", "2", "--connect-timeout", "9",
        "--drain", "4"});
    assertEquals("http://127.0.0.1:9000", options.url().toString());
    assertEquals(20, options.clients());
    assertEquals(5, options.groupSize());
    assertEquals(0.5, options.rate());
    assertEquals(3, options.durationSeconds());
    assertEquals("ws", options.transport());
    assertEquals(1234, options.serverPid());
    assertEquals(5678, options.dbPid());
    assertEquals(3, options.loops());
    assertEquals(7, options.connectConcurrency());
    assertEquals(2, options.httpConcurrency());
    assertEquals(9, options.connectTimeoutSeconds());
    assertEquals(4, options.drainSeconds());
    assertEquals(4, options.groupCount());
    LoadGenOptions idle = LoadGenOptions.parse(new String[] {"--idle", "--url", "http://localhost:1", "--clients",
        "1000", "--users", "40", "--group-size", "10"});
    assertTrue(idle.idle());
    assertEquals(40, idle.userCount());
    assertEquals(4, idle.groupCount());
    assertEquals(20, options.userCount());
    for (String transport : List.of("longpoll", "auto")) {
      assertEquals(transport, LoadGenOptions.parse(new String[] {"--url", "http://127.0.0.1:1", "--transport",
          transport}).transport());
    }
  }

  @Test
  void refusesWhatCannotWork() {
    for (String[] args : List.of(
        new String[] {"--url", "http://127.0.0.1:1", "--transport", "carrier-pigeon"},
        new String[] {"--url", "http://127.0.0.1:1", "--group-size", "1"},
        new String[] {"--url", "http://127.0.0.1:1", "--group-size", "501"},
        new String[] {"--url", "http://127.0.0.1:1", "--rate", "0"},
        new String[] {"--url", "http://127.0.0.1:1", "--rate", "41"},
        new String[] {"--url", "http://127.0.0.1:1", "--rate", "NaN"},
        new String[] {"--url", "http://127.0.0.1:1", "--clients", "0"},
        new String[] {"--url", "http://127.0.0.1:1", "--clients", "many"},
        new String[] {"--url", "http://127.0.0.1:1", "--duration"},
        new String[] {"--url", "http://127.0.0.1:1", "--frobnicate", "1"},
        new String[] {"--url", "http://127.0.0.1:1", "stray"},
        new String[] {"--url", "http://127.0.0.1:1", "--clients", "10", "--users", "5"},
        new String[] {"--url", "http://127.0.0.1:1", "--clients", "10", "--users", "11", "--idle"},
        new String[] {"--url", "http://127.0.0.1:1", "--db-pid", "-1"})) {
      assertThrows(IllegalArgumentException.class, () -> LoadGenOptions.parse(args), String.join(" ", args));
    }
  }

  @Test
  void clientsAreDealtIntoGroupsOfAtMostTheGroupSize() {
    assertEquals(List.of(0, 5, 10, 15), LoadGenerator.membersOf(0, 20, 5));
    // 21 clients in groups of 5: five groups of 5, 4, 4, 4, 4.
    int groups = LoadGenOptions.defaults("http://127.0.0.1:1").withTraffic(21, 5, 1, 1).groupCount();
    assertEquals(5, groups);
    int total = 0;
    for (int g = 0; g < groups; g++) {
      int size = LoadGenerator.membersOf(g, 21, groups).size();
      assertTrue(size == 4 || size == 5, "group " + g + " has " + size);
      total += size;
    }
    assertEquals(21, total);
  }

  @Test
  void theCommandLineExitsWithTwoOnBadFlagsWithoutTouchingTheNetwork() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = LoadGen.run(new String[] {"--url", "http://192.0.2.1:8080"}, print(out), print(err));
    assertEquals(LoadGen.EXIT_USAGE, status);
    assertEquals("", out.toString(StandardCharsets.UTF_8));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("only targets this machine"));

    assertEquals(0, LoadGen.run(new String[] {"--help"}, print(out), print(err)));
    assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("Usage: java -jar loadgen.jar"));
  }

  private static PrintStream print(ByteArrayOutputStream bytes) {
    return new PrintStream(bytes, true, StandardCharsets.UTF_8);
  }
}
