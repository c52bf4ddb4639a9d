package io.senchat.examples.loadgen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The bucket layout and the percentile arithmetic. */
class LatencyHistogramTest {

  @Test
  void bucketsTileTheRangeWithoutGapsOrOverlaps() {
    assertEquals(0, LatencyHistogram.lowestValueAt(0));
    for (int i = 1; i < LatencyHistogram.BUCKETS; i++) {
      assertEquals(LatencyHistogram.highestValueAt(i - 1) + 1, LatencyHistogram.lowestValueAt(i), "bucket " + i);
    }
    assertEquals(LatencyHistogram.MAX_VALUE, LatencyHistogram.highestValueAt(LatencyHistogram.BUCKETS - 1));
    assertEquals(LatencyHistogram.BUCKETS - 1, LatencyHistogram.indexOf(LatencyHistogram.MAX_VALUE));
  }

  @Test
  void everyValueFallsInTheBucketThatCoversIt() {
    Random random = new Random(42);
    for (int n = 0; n < 100_000; n++) {
      long value = n < 1_000 ? n : random.nextLong() >>> (24 + random.nextInt(40));
      int index = LatencyHistogram.indexOf(value);
      assertTrue(LatencyHistogram.lowestValueAt(index) <= value && value <= LatencyHistogram.highestValueAt(index),
          () -> value + " in bucket " + index);
    }
  }

  @Test
  void bucketsAreExactBelow128AndWithinOneSixtyFourthAbove() {
    for (long value = 0; value < 128; value++) {
      int index = LatencyHistogram.indexOf(value);
      assertEquals(value, LatencyHistogram.lowestValueAt(index));
      assertEquals(value, LatencyHistogram.highestValueAt(index));
    }
    for (int i = LatencyHistogram.EXACT_LIMIT; i < LatencyHistogram.BUCKETS; i++) {
      long low = LatencyHistogram.lowestValueAt(i);
      long width = LatencyHistogram.highestValueAt(i) - low + 1;
      assertTrue(width * 64 <= low, "bucket " + i + " from " + low + " is " + width + " wide");
    }
  }

  @Test
  void percentilesOfSmallValuesAreExactNearestRanks() {
    LatencyHistogram histogram = new LatencyHistogram();
    for (long v = 1; v <= 100; v++) {
      histogram.record(v);
    }
    LatencyHistogram.Snapshot snapshot = histogram.snapshot();
    assertEquals(100, snapshot.count());
    assertEquals(1, snapshot.valueAtPercentile(0));
    assertEquals(1, snapshot.valueAtPercentile(1));
    assertEquals(50, snapshot.valueAtPercentile(50));
    assertEquals(95, snapshot.valueAtPercentile(95));
    assertEquals(99, snapshot.valueAtPercentile(99));
    assertEquals(100, snapshot.valueAtPercentile(99.5));
    assertEquals(100, snapshot.valueAtPercentile(100));
    assertEquals(100, snapshot.max());
  }

  @Test
  void percentilesOfLargeValuesAreWithinTheBucketPrecisionAndNeverBelow() {
    LatencyHistogram histogram = new LatencyHistogram();
    Random random = new Random(7);
    long[] values = new long[50_000];
    for (int i = 0; i < values.length; i++) {
      // Log-uniform from 100 µs to 10 s, the shape of real latencies.
      values[i] = (long) Math.exp(Math.log(100) + random.nextDouble() * (Math.log(10_000_000) - Math.log(100)));
      histogram.record(values[i]);
    }
    Arrays.sort(values);
    LatencyHistogram.Snapshot snapshot = histogram.snapshot();
    for (double p : new double[] {50, 90, 95, 99, 99.9}) {
      long exact = values[(int) Math.ceil(p / 100 * values.length) - 1];
      long reported = snapshot.valueAtPercentile(p);
      assertTrue(reported >= exact && reported <= exact + exact / 64 + 1,
          () -> "p" + p + ": exact " + exact + ", reported " + reported);
    }
    assertEquals(values[values.length - 1], snapshot.max());
    assertEquals(values[values.length - 1], snapshot.valueAtPercentile(100));
  }

  @Test
  void aPercentileNeverExceedsTheLargestValue() {
    LatencyHistogram histogram = new LatencyHistogram();
    histogram.record(1_000_001);
    assertEquals(1_000_001, histogram.snapshot().valueAtPercentile(50));
  }

  @Test
  void outOfRangeValuesAreClampedAndAnEmptyHistogramSaysZero() {
    LatencyHistogram histogram = new LatencyHistogram();
    assertEquals(0, histogram.snapshot().valueAtPercentile(99));
    assertEquals(0, histogram.snapshot().max());
    histogram.record(-5);
    histogram.record(Long.MAX_VALUE);
    LatencyHistogram.Snapshot snapshot = histogram.snapshot();
    assertEquals(0, snapshot.valueAtPercentile(50));
    assertEquals(LatencyHistogram.MAX_VALUE, snapshot.valueAtPercentile(100));
    assertThrows(IllegalArgumentException.class, () -> snapshot.valueAtPercentile(100.1));
    assertThrows(IllegalArgumentException.class, () -> snapshot.valueAtPercentile(Double.NaN));
  }

  @Test
  void concurrentRecordingLosesNothing() throws InterruptedException {
    LatencyHistogram histogram = new LatencyHistogram();
    Thread[] threads = new Thread[4];
    for (int t = 0; t < threads.length; t++) {
      threads[t] = new Thread(() -> {
        for (int i = 0; i < 100_000; i++) {
          histogram.record(i % 5_000);
        }
      });
      threads[t].start();
    }
    for (Thread thread : threads) {
      thread.join();
    }
    assertEquals(400_000, histogram.count());
    assertEquals(400_000, histogram.snapshot().count());
    assertEquals(4_999, histogram.snapshot().max());
  }
}
