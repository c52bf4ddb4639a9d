package io.senchat.web.messages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class WindowTest {

  private static final int VIEWPORT = 800;
  private static final int OVERSCAN = 600;

  @Test
  void tenThousandVariableRowsNeverExceedTheBoundAndAlwaysCoverTheViewport() {
    Random random = new Random(5);
    RowHeights h = RowHeightsTest.rows(10_000, 48);
    for (int i = 0; i < 10_000; i++) {
      h.measure(i, 24 + random.nextInt(300));
    }
    for (double top = 0; top < h.total(); top += 997) {
      Window.Range r = Window.visible(h, top, VIEWPORT, OVERSCAN, MessageListView.MAX_ROWS);
      assertTrue(r.count() <= MessageListView.MAX_ROWS, "rows " + r.count());
      assertTrue(h.offset(r.first()) <= top, "first row starts above the viewport at " + top);
      double shownBottom = h.offset(r.end() - 1) + h.height(r.end() - 1);
      assertTrue(shownBottom >= Math.min(top + VIEWPORT, h.total()), "viewport covered at " + top);
    }
  }

  @Test
  void overscanIsRenderedOnBothSides() {
    RowHeights h = RowHeightsTest.rows(1000, 100);
    Window.Range r = Window.visible(h, 50_000, VIEWPORT, OVERSCAN, 120);
    assertEquals(494, r.first());
    assertEquals(515, r.end());
  }

  @Test
  void tinyRowsAreCappedAroundTheViewport() {
    RowHeights h = RowHeightsTest.rows(10_000, 2);
    Window.Range r = Window.visible(h, 10_000, VIEWPORT, OVERSCAN, 120);
    assertEquals(120, r.count());
    assertTrue(r.contains(5000), "the row at the top of the viewport is kept");
  }

  @Test
  void emptyListHasNoRows() {
    assertEquals(0, Window.visible(new RowHeights(), 0, VIEWPORT, OVERSCAN, 120).count());
    assertNull(Window.Anchor.capture(new RowHeights(), 0));
  }

  @Test
  void anchorKeepsTheTopRowInPlaceWhenAnOlderPageIsPrepended() {
    RowHeights h = RowHeightsTest.rows(100, 50);
    double top = 1234;
    Window.Anchor anchor = Window.Anchor.capture(h, top);
    assertEquals("s25", anchor.key());
    assertEquals(34, anchor.delta());
    List<String> keys = new ArrayList<>();
    double[] est = new double[150];
    for (int i = 0; i < 150; i++) {
      keys.add(i < 50 ? "old" + i : "s" + (i - 49));
      est[i] = i < 50 ? 60 : 50;
    }
    h.setRows(keys, est);
    assertEquals(top + 50 * 60, anchor.resolve(h));
  }

  @Test
  void anchorAbsorbsHeightChangesAboveIt() {
    RowHeights h = RowHeightsTest.rows(100, 50);
    Window.Anchor anchor = Window.Anchor.capture(h, 2000);
    h.measure(10, 90);
    h.measure(39, 20);
    h.measure(60, 500);
    assertEquals(2000 + 40 - 30, anchor.resolve(h));
  }

  @Test
  void anchorFallsBackToItsIndexWhenItsRowIsGone() {
    RowHeights h = RowHeightsTest.rows(10, 50);
    Window.Anchor anchor = new Window.Anchor("gone", 4, 10);
    assertEquals(210, anchor.resolve(h));
    assertEquals(0, new Window.Anchor("x", 0, -40).resolve(h), "never above the top");
  }

  @Test
  void bottomIsTheTotalMinusTheViewport() {
    assertEquals(4200, Window.bottom(RowHeightsTest.rows(100, 50), 800));
    assertEquals(0, Window.bottom(RowHeightsTest.rows(3, 50), 800));
  }
}
