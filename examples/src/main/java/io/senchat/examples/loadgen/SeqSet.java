package io.senchat.examples.loadgen;

import java.util.Map;
import java.util.TreeMap;

/**
 * A set of message seqs kept as disjoint ranges, so that "every seq of a conversation from 1 to 90,000" costs one
 * entry: a receiver's seqs arrive in order, with gaps only where the receiver's own or unacknowledged messages are.
 * The number of ranges is capped; a seq that would need one more range is not stored and is counted in
 * {@link #untracked()} instead, which the load generator reports as a failure of the run. Not thread-safe.
 */
final class SeqSet {

  private final TreeMap<Long, Long> ranges = new TreeMap<>();
  private final int maxRanges;
  private long size;
  private long untracked;

  SeqSet(int maxRanges) {
    if (maxRanges < 1) {
      throw new IllegalArgumentException("maxRanges must be positive: " + maxRanges);
    }
    this.maxRanges = maxRanges;
  }

  /** Adds {@code seq}; false when it was already there (a duplicate). */
  boolean add(long seq) {
    Map.Entry<Long, Long> below = ranges.floorEntry(seq);
    if (below != null && below.getValue() >= seq) {
      return false;
    }
    boolean joinsBelow = below != null && below.getValue() == seq - 1;
    Long aboveStart = seq == Long.MAX_VALUE ? null : ranges.get(seq + 1);
    if (joinsBelow && aboveStart != null) {
      ranges.put(below.getKey(), ranges.remove(seq + 1));
    } else if (joinsBelow) {
      ranges.put(below.getKey(), seq);
    } else if (aboveStart != null) {
      ranges.put(seq, ranges.remove(seq + 1));
    } else if (ranges.size() < maxRanges) {
      ranges.put(seq, seq);
    } else {
      untracked++;
      return true;
    }
    size++;
    return true;
  }

  boolean contains(long seq) {
    Map.Entry<Long, Long> below = ranges.floorEntry(seq);
    return below != null && below.getValue() >= seq;
  }

  /** How many seqs are stored. */
  long size() {
    return size;
  }

  /** Seqs that were new but could not be stored because the range cap was reached. */
  long untracked() {
    return untracked;
  }

  int rangeCount() {
    return ranges.size();
  }

  /** How many seqs of this set are also in {@code other}. */
  long countCommon(SeqSet other) {
    long common = 0;
    for (Map.Entry<Long, Long> range : ranges.entrySet()) {
      long start = range.getKey();
      long end = range.getValue();
      // Ranges of the other set that overlap [start, end]: the one starting at or before start, and those after.
      Map.Entry<Long, Long> first = other.ranges.floorEntry(start);
      Map<Long, Long> candidates = first == null ? other.ranges.subMap(start, true, end, true)
          : other.ranges.subMap(first.getKey(), true, end, true);
      for (Map.Entry<Long, Long> theirs : candidates.entrySet()) {
        long from = Math.max(start, theirs.getKey());
        long to = Math.min(end, theirs.getValue());
        if (from <= to) {
          common += to - from + 1;
        }
      }
    }
    return common;
  }

  /** An independent copy. */
  SeqSet copy() {
    SeqSet copy = new SeqSet(maxRanges);
    copy.ranges.putAll(ranges);
    copy.size = size;
    copy.untracked = untracked;
    return copy;
  }

  @Override
  public String toString() {
    return "SeqSet" + ranges;
  }
}
