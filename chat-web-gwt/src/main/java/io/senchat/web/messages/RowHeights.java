package io.senchat.web.messages;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Heights of the list's rows and their offsets (prefix sums): measured heights cached per row key, estimates for
 * rows never rendered. Plain Java, so the windowing math is tested on the JVM.
 */
final class RowHeights {

  /** Enough for several 10,000-message conversations; past it the cache restarts (rows are re-measured). */
  static final int MAX_CACHED = 50_000;

  /** Per key: the measured height and the estimate at that time, so later estimate changes shift it. */
  private final Map<String, double[]> measured = new HashMap<>();
  private final Map<String, Integer> indexOfKey = new HashMap<>();
  private List<String> keys = List.of();
  private double[] estimates = new double[0];
  private double[] prefix = {0};
  private boolean dirty;

  /** Replaces the rows (keys in display order, with an estimated height each); measured heights are kept. */
  void setRows(List<String> rowKeys, double[] rowEstimates) {
    if (rowKeys.size() != rowEstimates.length) {
      throw new IllegalArgumentException("one estimate per row");
    }
    keys = rowKeys;
    estimates = rowEstimates;
    indexOfKey.clear();
    for (int i = 0; i < rowKeys.size(); i++) {
      indexOfKey.put(rowKeys.get(i), i);
    }
    dirty = true;
  }

  /** Forgets every measurement, e.g. for another conversation. */
  void clearMeasurements() {
    measured.clear();
    dirty = true;
  }

  int size() {
    return keys.size();
  }

  String key(int index) {
    return keys.get(index);
  }

  /** Index of the row with {@code key}, or -1. */
  int indexOf(String key) {
    Integer i = indexOfKey.get(key);
    return i == null ? -1 : i;
  }

  boolean isMeasured(int index) {
    return measured.containsKey(keys.get(index));
  }

  /**
   * The height used for layout: the estimate for a row never measured; for a measured one, its measured height
   * moved by however much its estimate changed since (a reaction added, a day separator gone), so a row that
   * changed off-screen is still close.
   */
  double height(int index) {
    double[] m = measured.get(keys.get(index));
    return m == null ? estimates[index] : Math.max(1, m[0] + estimates[index] - m[1]);
  }

  /**
   * Records the rendered height of row {@code index}; true when this changes the layout (the height differs from
   * the one used so far).
   */
  boolean measure(int index, double height) {
    double before = height(index);
    if (measured.size() >= MAX_CACHED && !measured.containsKey(keys.get(index))) {
      measured.clear();
    }
    measured.put(keys.get(index), new double[] {height, estimates[index]});
    // Sub-pixel noise is not a change: it would make every layout pass loop.
    if (Math.abs(before - height) > 0.5) {
      dirty = true;
      return true;
    }
    return false;
  }

  /** Top of row {@code index}; {@code offset(size())} is the total height. */
  double offset(int index) {
    ensurePrefix();
    return prefix[index];
  }

  double total() {
    return offset(keys.size());
  }

  /** The row covering {@code y} (the last row whose top is at or above it), clamped to the rows; -1 when empty. */
  int indexAt(double y) {
    int n = keys.size();
    if (n == 0) {
      return -1;
    }
    ensurePrefix();
    int lo = 0;
    int hi = n - 1;
    while (lo < hi) {
      int mid = (lo + hi + 1) >>> 1;
      if (prefix[mid] <= y) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return lo;
  }

  private void ensurePrefix() {
    if (!dirty && prefix.length == keys.size() + 1) {
      return;
    }
    // A full rebuild is O(n) once per layout pass, ~10,000 additions at most: cheaper than a tree's bookkeeping.
    int n = keys.size();
    if (prefix.length != n + 1) {
      prefix = new double[n + 1];
    }
    for (int i = 0; i < n; i++) {
      prefix[i + 1] = prefix[i] + height(i);
    }
    dirty = false;
  }
}
