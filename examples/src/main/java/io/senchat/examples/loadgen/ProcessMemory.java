package io.senchat.examples.loadgen;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Measures another process's memory: its resident set from {@code /proc/<pid>/status} (Linux), and, when it is a JVM
 * that {@code jcmd} can attach to, its heap in use right after a full collection. The heap figure is the honest
 * "memory per connection" of a Java server: its resident set moves with whatever the collector happens to keep
 * committed, and can even shrink while connections are added.
 */
final class ProcessMemory {

  private static final Pattern USED = Pattern.compile("total \\d+K, used (\\d+)K");
  private static final long JCMD_TIMEOUT_SECONDS = 60;

  private ProcessMemory() {}

  /** One reading. */
  record Reading(long residentKb, long heapUsedKb) {

    /** True when the heap could be read (the process is a JVM jcmd could attach to). */
    boolean hasHeap() {
      return heapUsedKb >= 0;
    }
  }

  /**
   * A full collection in the target JVM (so that garbage does not count), then its heap in use and its resident set;
   * empty when the resident set cannot be read. Without jcmd, or for a non-JVM process, only the resident set.
   */
  static Optional<Reading> read(long pid) {
    long heap = -1;
    if (jcmd(pid, "GC.run") != null) {
      List<String> info = jcmd(pid, "GC.heap_info");
      heap = info == null ? -1 : parseHeapUsedKb(info).orElse(-1);
    }
    OptionalLong rss = residentKb(pid);
    return rss.isPresent() ? Optional.of(new Reading(rss.getAsLong(), heap)) : Optional.empty();
  }

  /** The {@code VmRSS} of process {@code pid} in KiB, or empty when it cannot be read (no such process, not Linux). */
  static OptionalLong residentKb(long pid) {
    try {
      return parseResidentKb(Files.readAllLines(Path.of("/proc", Long.toString(pid), "status")));
    } catch (IOException | RuntimeException e) {
      return OptionalLong.empty();
    }
  }

  /** The value of the {@code VmRSS:} line, e.g. {@code VmRSS:     123456 kB}. */
  static OptionalLong parseResidentKb(List<String> statusLines) {
    for (String line : statusLines) {
      if (line.startsWith("VmRSS:")) {
        String[] words = line.substring("VmRSS:".length()).trim().split("\\s+");
        if (words.length >= 1 && (words.length == 1 || words[1].equalsIgnoreCase("kB"))) {
          return OptionalLong.of(Long.parseLong(words[0]));
        }
      }
    }
    return OptionalLong.empty();
  }

  /**
   * The heap in use from {@code jcmd <pid> GC.heap_info}: the sum of the {@code total ...K, used ...K} lines of the
   * heap's spaces (one line for G1, young and old for the serial and parallel collectors), without Metaspace.
   */
  static OptionalLong parseHeapUsedKb(List<String> heapInfo) {
    long used = 0;
    boolean found = false;
    for (String line : heapInfo) {
      String trimmed = line.trim();
      if (trimmed.startsWith("Metaspace") || trimmed.startsWith("class space")) {
        continue;
      }
      Matcher matcher = USED.matcher(trimmed);
      if (matcher.find()) {
        used += Long.parseLong(matcher.group(1));
        found = true;
      }
    }
    return found ? OptionalLong.of(used) : OptionalLong.empty();
  }

  /** The output of {@code jcmd <pid> <command>} from this JVM's own JDK, or null when that is not possible. */
  private static List<String> jcmd(long pid, String command) {
    Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
    if (!Files.isExecutable(jcmd)) {
      return null;
    }
    try {
      Process process = new ProcessBuilder(jcmd.toString(), Long.toString(pid), command)
          .redirectErrorStream(true).start();
      List<String> lines = new ArrayList<>();
      try (InputStream out = process.getInputStream()) {
        // jcmd prints a few lines; read them all so that it never blocks on a full pipe.
        String text = new String(out.readAllBytes(), StandardCharsets.UTF_8);
        lines.addAll(text.lines().toList());
      }
      if (!process.waitFor(JCMD_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        return null;
      }
      return process.exitValue() == 0 ? lines : null;
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }
}
