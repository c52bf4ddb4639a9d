package io.senchat.examples.loadgen;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * A latency histogram in the manner of HdrHistogram, in fixed memory whatever the number of samples: values in
 * microseconds, exact below 128, and above that within 1/64 (1.6%) of the true value, up to 2^40 µs (12 days).
 * Recording is lock-free, so every client loop records into one histogram.
 *
 * <p>Layout: indexes 0..127 hold the values 0..127 themselves. Above, each power of two [2^m, 2^(m+1)) is split into
 * 64 equal buckets of width 2^(m-6); a value's bucket is its top seven bits. A percentile is reported as the highest
 * value of the bucket it falls in (never below the true value), capped by the largest value recorded.
 */
public final class LatencyHistogram {

  /** Largest recordable value; larger ones are recorded as this. */
  public static final long MAX_VALUE = (1L << 40) - 1;

  /** Below this, every value has its own bucket. */
  static final int EXACT_LIMIT = 128;
  /** log2 of the buckets per power of two above {@link #EXACT_LIMIT}. */
  static final int SUB_BITS = 6;
  static final int SUB_BUCKETS = 1 << SUB_BITS;
  /** The smallest power of two above the exact range: 2^7. */
  private static final int FIRST_MAGNITUDE = 7;
  private static final int LAST_MAGNITUDE = 39;
  static final int BUCKETS = EXACT_LIMIT + (LAST_MAGNITUDE - FIRST_MAGNITUDE + 1) * SUB_BUCKETS;

  private final AtomicLongArray counts = new AtomicLongArray(BUCKETS);
  private final AtomicLong total = new AtomicLong();
  private final AtomicLong max = new AtomicLong();

  /** Records one value; negative values count as 0, values above {@link #MAX_VALUE} as {@link #MAX_VALUE}. */
  public void record(long value) {
    long clamped = Math.min(Math.max(value, 0), MAX_VALUE);
    counts.incrementAndGet(indexOf(clamped));
    total.incrementAndGet();
    max.accumulateAndGet(clamped, Math::max);
  }

  /** A consistent-enough copy to compute percentiles from (recording may go on meanwhile). */
  public Snapshot snapshot() {
    long[] copy = new long[BUCKETS];
    long sum = 0;
    for (int i = 0; i < BUCKETS; i++) {
      copy[i] = counts.get(i);
      sum += copy[i];
    }
    return new Snapshot(copy, sum, max.get());
  }

  /** Number of values recorded so far. */
  public long count() {
    return total.get();
  }

  static int indexOf(long value) {
    if (value < EXACT_LIMIT) {
      return (int) value;
    }
    int magnitude = 63 - Long.numberOfLeadingZeros(value);
    int shift = magnitude - SUB_BITS;
    int sub = (int) (value >>> shift) - SUB_BUCKETS;
    return EXACT_LIMIT + (magnitude - FIRST_MAGNITUDE) * SUB_BUCKETS + sub;
  }

  /** The largest value that falls in bucket {@code index}. */
  static long highestValueAt(int index) {
    if (index < EXACT_LIMIT) {
      return index;
    }
    int offset = index - EXACT_LIMIT;
    int magnitude = FIRST_MAGNITUDE + offset / SUB_BUCKETS;
    int shift = magnitude - SUB_BITS;
    long sub = SUB_BUCKETS + offset % SUB_BUCKETS;
    return ((sub + 1) << shift) - 1;
  }

  /** The smallest value that falls in bucket {@code index}. */
  static long lowestValueAt(int index) {
    if (index < EXACT_LIMIT) {
      return index;
    }
    int offset = index - EXACT_LIMIT;
    int magnitude = FIRST_MAGNITUDE + offset / SUB_BUCKETS;
    return (long) (SUB_BUCKETS + offset % SUB_BUCKETS) << (magnitude - SUB_BITS);
  }

  /** Bucket counts at one moment, with the percentile arithmetic. */
  public static final class Snapshot {

    private final long[] counts;
    private final long count;
    private final long max;

    Snapshot(long[] counts, long count, long max) {
      this.counts = counts;
      this.count = count;
      this.max = max;
    }

    public long count() {
      return count;
    }

    /** The largest value recorded, exactly; 0 when empty. */
    public long max() {
      return max;
    }

    /**
     * The value at or below which {@code percentile} percent of the values lie (nearest rank: the smallest recorded
     * value whose rank is at least {@code percentile}% of the count), rounded up to its bucket's highest value and
     * capped by {@link #max()}; 0 when empty.
     *
     * @param percentile 0 to 100
     */
    public long valueAtPercentile(double percentile) {
      if (percentile < 0 || percentile > 100 || Double.isNaN(percentile)) {
        throw new IllegalArgumentException("percentile must be 0..100: " + percentile);
      }
      if (count == 0) {
        return 0;
      }
      // percentile * count first: exact for whole percentiles, where 0.99 * 100 would round up to a rank too many.
      long rank = Math.max(1, (long) Math.ceil(percentile * count / 100.0 - 1e-9));
      long seen = 0;
      for (int i = 0; i < counts.length; i++) {
        seen += counts[i];
        if (seen >= rank) {
          return Math.min(highestValueAt(i), max);
        }
      }
      return max;
    }
  }
}
