package io.senchat.domain.client;

/**
 * The seqs of one conversation seen so far, as at most {@code maxRanges} disjoint ranges. Messages of a conversation
 * arrive almost always in ascending order, so one range usually suffices whatever their number. When a new gap would
 * exceed the bound, the lowest gap is closed: its seqs count as seen. That direction can only hide a message that
 * arrives more than {@code maxRanges} gaps out of order, never show one twice.
 */
final class SeqRanges {

  private final int maxRanges;
  // Sorted, disjoint and not adjacent: lows[i] <= highs[i] < lows[i + 1] - 1.
  private long[] lows;
  private long[] highs;
  private int count;

  SeqRanges(int maxRanges) {
    if (maxRanges < 1) {
      throw new IllegalArgumentException("maxRanges must be positive: " + maxRanges);
    }
    this.maxRanges = maxRanges;
    lows = new long[Math.min(4, maxRanges + 1)];
    highs = new long[lows.length];
  }

  /** Records {@code seq}; returns false when it was already seen. */
  boolean add(long seq) {
    // Scans from the top: the next message of a conversation is almost always just above the last one.
    int i = count - 1;
    while (i >= 0 && lows[i] > seq) {
      i--;
    }
    // Now range i is the last one starting at or below seq (or i == -1).
    if (i >= 0 && seq <= highs[i]) {
      return false;
    }
    boolean joinsBelow = i >= 0 && highs[i] == seq - 1;
    boolean joinsAbove = i + 1 < count && lows[i + 1] == seq + 1;
    if (joinsBelow && joinsAbove) {
      highs[i] = highs[i + 1];
      removeAt(i + 1);
    } else if (joinsBelow) {
      highs[i] = seq;
    } else if (joinsAbove) {
      lows[i + 1] = seq;
    } else {
      insertAt(i + 1, seq);
      if (count > maxRanges) {
        highs[0] = highs[1];
        removeAt(1);
      }
    }
    return true;
  }

  boolean contains(long seq) {
    for (int i = count - 1; i >= 0; i--) {
      if (lows[i] <= seq) {
        return seq <= highs[i];
      }
    }
    return false;
  }

  int rangeCount() {
    return count;
  }

  private void insertAt(int index, long seq) {
    if (count == lows.length) {
      long[] newLows = new long[lows.length * 2];
      long[] newHighs = new long[lows.length * 2];
      System.arraycopy(lows, 0, newLows, 0, count);
      System.arraycopy(highs, 0, newHighs, 0, count);
      lows = newLows;
      highs = newHighs;
    }
    System.arraycopy(lows, index, lows, index + 1, count - index);
    System.arraycopy(highs, index, highs, index + 1, count - index);
    lows[index] = seq;
    highs[index] = seq;
    count++;
  }

  private void removeAt(int index) {
    System.arraycopy(lows, index + 1, lows, index, count - index - 1);
    System.arraycopy(highs, index + 1, highs, index, count - index - 1);
    count--;
  }
}
