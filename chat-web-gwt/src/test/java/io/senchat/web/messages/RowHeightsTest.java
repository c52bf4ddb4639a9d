package io.senchat.web.messages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RowHeightsTest {

  static RowHeights rows(int n, double estimate) {
    RowHeights h = new RowHeights();
    List<String> keys = new ArrayList<>();
    double[] est = new double[n];
    for (int i = 0; i < n; i++) {
      keys.add("s" + (i + 1));
      est[i] = estimate;
    }
    h.setRows(keys, est);
    return h;
  }

  @Test
  void offsetsArePrefixSumsOfEstimates() {
    RowHeights h = rows(4, 50);
    assertEquals(0, h.offset(0));
    assertEquals(150, h.offset(3));
    assertEquals(200, h.total());
  }

  @Test
  void measuringChangesLaterOffsetsOnly() {
    RowHeights h = rows(4, 50);
    assertTrue(h.measure(1, 80));
    assertEquals(50, h.offset(1));
    assertEquals(130, h.offset(2));
    assertEquals(230, h.total());
    assertFalse(h.measure(1, 80.3), "sub-pixel differences are not changes");
  }

  @Test
  void indexAtFindsTheRowCoveringAPosition() {
    RowHeights h = rows(4, 50);
    assertEquals(0, h.indexAt(-10));
    assertEquals(0, h.indexAt(49.9));
    assertEquals(1, h.indexAt(50));
    assertEquals(3, h.indexAt(10_000));
    assertEquals(-1, new RowHeights().indexAt(0));
  }

  @Test
  void measuredHeightsSurviveNewRowsAndFollowEstimateChanges() {
    RowHeights h = rows(3, 50);
    h.measure(2, 70);
    // Older page prepended: "s3" is now at index 5 and keeps its measured height.
    List<String> keys = List.of("a", "b", "s1", "s2", "s3");
    h.setRows(keys, new double[] {40, 40, 50, 50, 50});
    assertEquals(70, h.height(4));
    // Its estimate grows by 26 (a reaction arrived while off-screen): the measured height moves with it.
    h.setRows(keys, new double[] {40, 40, 50, 50, 76});
    assertEquals(96, h.height(4));
  }

  @Test
  void cacheIsBounded() {
    RowHeights h = rows(RowHeights.MAX_CACHED + 10, 20);
    for (int i = 0; i < RowHeights.MAX_CACHED + 10; i++) {
      h.measure(i, 30);
    }
    assertTrue(h.isMeasured(RowHeights.MAX_CACHED + 9));
    assertFalse(h.isMeasured(0), "the cache restarted instead of growing past its bound");
  }
}
