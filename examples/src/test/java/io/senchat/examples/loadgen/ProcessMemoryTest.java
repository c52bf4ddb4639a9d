package io.senchat.examples.loadgen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** Reading a server's resident memory. */
class ProcessMemoryTest {

  @Test
  void readsTheVmRssLine() {
    assertEquals(OptionalLong.of(123456), ProcessMemory.parseResidentKb(List.of("Name:\tjava", "VmPeak:\t 999 kB",
        "VmRSS:\t  123456 kB", "Threads:\t42")));
    assertEquals(OptionalLong.empty(), ProcessMemory.parseResidentKb(List.of("Name:\tkthreadd")));
  }

  @Test
  void readsTheHeapInUseOfEveryCollectorsReport() {
    assertEquals(OptionalLong.of(102255), ProcessMemory.parseHeapUsedKb(List.of("7297:",
        " garbage-first heap   total 232448K, used 102255K [0x00000000c0000000, 0x0000000100000000)",
        "  region size 1024K, 67 young (68608K), 1 survivors (1024K)",
        " Metaspace       used 29650K, committed 30272K, reserved 1114112K",
        "  class space    used 3588K, committed 3904K, reserved 1048576K")));
    assertEquals(OptionalLong.of(2621 + 100), ProcessMemory.parseHeapUsedKb(List.of("42:",
        " PSYoungGen      total 76288K, used 2621K [0x0000000715580000, 0x000000071aa80000, 0x00000007c0000000)",
        "  eden space 65536K, 4% used [0x0000000715580000,0x000000071580f748,0x0000000719580000)",
        " ParOldGen       total 175104K, used 100K [0x00000005c0000000, 0x00000005cab00000, 0x0000000715580000)",
        " Metaspace       used 3050K, committed 3200K, reserved 1056768K")));
    assertEquals(OptionalLong.empty(), ProcessMemory.parseHeapUsedKb(List.of("42:", "AttachNotSupportedException")));
  }

  @Test
  @EnabledOnOs(OS.LINUX)
  void readsThisProcess() {
    OptionalLong rss = ProcessMemory.residentKb(ProcessHandle.current().pid());
    assertTrue(rss.isPresent() && rss.getAsLong() > 1_000, "rss " + rss);
    assertEquals(OptionalLong.empty(), ProcessMemory.residentKb(Long.MAX_VALUE));
  }
}
