package io.senchat.web.messages;

/**
 * Which rows to keep in the DOM for a scroll position, and where to scroll so the view does not jump.
 */
final class Window {

  private Window() {
  }

  /** Rows {@code first} (inclusive) to {@code end} (exclusive). */
  record Range(int first, int end) {

    static final Range EMPTY = new Range(0, 0);

    int count() {
      return end - first;
    }

    boolean contains(int index) {
      return index >= first && index < end;
    }
  }

  /**
   * A scroll target: row {@code key} (or, if it is gone, the row now at {@code index}) with its top {@code delta}
   * pixels above the viewport's top (negative: below it).
   */
  record Anchor(String key, int index, double delta) {

    /** The row at the top of the viewport and how far it is scrolled past. */
    static Anchor capture(RowHeights heights, double scrollTop) {
      int i = heights.indexAt(scrollTop);
      if (i < 0) {
        return null;
      }
      return new Anchor(heights.key(i), i, scrollTop - heights.offset(i));
    }

    /** The scrollTop that puts the anchor row where it was, with the current heights and rows. */
    double resolve(RowHeights heights) {
      int n = heights.size();
      if (n == 0) {
        return 0;
      }
      int i = heights.indexOf(key);
      if (i < 0) {
        i = Math.min(index, n - 1);
      }
      return Math.max(0, heights.offset(i) + delta);
    }
  }

  /**
   * The rows covering {@code [scrollTop, scrollTop + viewport)} plus {@code overscanPx} on each side, never more
   * than {@code maxRows}: when rows are tiny, overscan is trimmed first, then the bottom of the viewport.
   */
  static Range visible(RowHeights heights, double scrollTop, double viewport, int overscanPx, int maxRows) {
    int n = heights.size();
    if (n == 0 || maxRows <= 0) {
      return Range.EMPTY;
    }
    double top = Math.max(0, scrollTop);
    int visFirst = heights.indexAt(top);
    int visLast = heights.indexAt(top + Math.max(0, viewport - 1));
    int first = heights.indexAt(top - overscanPx);
    int last = heights.indexAt(top + viewport + overscanPx);
    if (last - first + 1 <= maxRows) {
      return new Range(first, last + 1);
    }
    if (visLast - visFirst + 1 >= maxRows) {
      return new Range(visFirst, visFirst + maxRows);
    }
    int spare = maxRows - (visLast - visFirst + 1);
    int before = Math.min(visFirst - first, spare / 2);
    int after = Math.min(last - visLast, spare - before);
    before = Math.min(visFirst - first, spare - after);
    return new Range(visFirst - before, visLast + after + 1);
  }

  /** The largest useful scrollTop: the bottom of the content at the bottom of the viewport. */
  static double bottom(RowHeights heights, double viewport) {
    return Math.max(0, heights.total() - viewport);
  }
}
