package io.senchat.examples.loadgen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CpuTimesTest {

  @Test
  void parsesAStatLineWhoseNameHoldsSpacesAndParentheses() {
    String line = "4242 (my (odd) name) S 17 4242 4242 0 -1 4194560 100 0 0 0 250 31 0 0 20 0 9 0 1000 0 0";
    CpuTimes.Stat stat = CpuTimes.parse(line);
    assertEquals(new CpuTimes.Stat(4242, 17, 281), stat);
  }

  @Test
  void readsThisProcessAfterSomeWork() {
    long pid = ProcessHandle.current().pid();
    long before = CpuTimes.ticks(pid).orElseThrow();
    // Spin until the kernel has charged a tick (10 ms of CPU), within 10 s even on a crowded machine.
    long deadline = System.nanoTime() + 10_000_000_000L;
    long sink = 0;
    while (CpuTimes.ticks(pid).orElseThrow() <= before && System.nanoTime() < deadline) {
      for (int i = 0; i < 100_000; i++) {
        sink += Long.numberOfTrailingZeros(sink + i);
      }
    }
    assertTrue(sink >= 0);
    assertTrue(CpuTimes.ticks(pid).orElseThrow() > before, "spinning shows in /proc");
    assertTrue(CpuTimes.descendantTicks(pid) >= 0);
  }
}
