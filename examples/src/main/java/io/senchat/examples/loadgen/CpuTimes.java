package io.senchat.examples.loadgen;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * CPU time of processes from {@code /proc/<pid>/stat} (Linux): user plus system time, in clock ticks. Used to report
 * what a run cost the generator, the server's JVM and the database (a postmaster and its backends), so that a change
 * can be judged by CPU per delivery when a shared machine makes latency noisy.
 */
final class CpuTimes {

  /** {@code USER_HZ}: 100 on every Linux architecture the JDK runs on. */
  static final long TICKS_PER_SECOND = 100;
  /** Bounds the /proc walk for descendants. */
  private static final int MAX_PROCESSES = 100_000;

  private CpuTimes() {}

  /** User + system ticks of process {@code pid} (all its threads), or empty when it cannot be read. */
  static OptionalLong ticks(long pid) {
    try {
      Stat stat = parse(Files.readString(Path.of("/proc", Long.toString(pid), "stat")));
      return stat == null ? OptionalLong.empty() : OptionalLong.of(stat.ticks());
    } catch (IOException | RuntimeException e) {
      return OptionalLong.empty();
    }
  }

  /**
   * User + system ticks of every live descendant of {@code pid} (not {@code pid} itself), e.g. the backends of a
   * PostgreSQL postmaster. Processes that exit in between take their time with them, which is fine for long-lived
   * pooled connections.
   */
  static long descendantTicks(long pid) {
    Map<Long, List<Stat>> children = new HashMap<>();
    int seen = 0;
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
      for (Path entry : entries) {
        if (++seen > MAX_PROCESSES) {
          break;
        }
        try {
          Stat stat = parse(Files.readString(entry.resolve("stat")));
          if (stat != null) {
            children.computeIfAbsent(stat.parent(), p -> new ArrayList<>()).add(stat);
          }
        } catch (IOException | RuntimeException gone) {
          // The process ended while we walked.
        }
      }
    } catch (IOException | RuntimeException e) {
      return 0;
    }
    long total = 0;
    List<Long> frontier = new ArrayList<>(List.of(pid));
    // A process tree cannot be deeper than the number of processes; the bound only guards against /proc oddities.
    for (int depth = 0; depth < 64 && !frontier.isEmpty(); depth++) {
      List<Long> next = new ArrayList<>();
      for (long parent : frontier) {
        for (Stat child : children.getOrDefault(parent, List.of())) {
          total += child.ticks();
          next.add(child.pid());
        }
      }
      frontier = next;
    }
    return total;
  }

  /** The fields of one stat line that matter here. */
  record Stat(long pid, long parent, long ticks) {
  }

  /**
   * Parses {@code /proc/<pid>/stat}: the command name (field 2) may hold spaces and parentheses, so fields are
   * counted from the last {@code )}; ppid is field 4, utime 14, stime 15.
   */
  static Stat parse(String line) {
    int close = line.lastIndexOf(')');
    if (close < 0) {
      return null;
    }
    String[] rest = line.substring(close + 1).trim().split(" ");
    if (rest.length < 13) {
      return null;
    }
    long pid = Long.parseLong(line.substring(0, line.indexOf(' ')).trim());
    // rest[0] is field 3 (state): field n is rest[n - 3].
    return new Stat(pid, Long.parseLong(rest[1]), Long.parseLong(rest[11]) + Long.parseLong(rest[12]));
  }
}
