package io.senchat.web.messages;

import elemental2.core.JsDate;

/**
 * Local calendar days for the browser's time zone. Consecutive messages mostly share a day, so the bounds of the
 * last day seen are kept and a JS Date is built only when a time falls outside them.
 */
final class LocalDays implements RowPlanner.DayKeys {

  private double start = 1;
  private double end = 0;
  private int key;

  @Override
  public int dayOf(long millis) {
    double t = millis;
    if (t >= start && t < end) {
      return key;
    }
    JsDate d = new JsDate(t);
    double y = d.getFullYear();
    double m = d.getMonth();
    double day = d.getDate();
    key = d.getFullYear() * 10000 + (d.getMonth() + 1) * 100 + d.getDate();
    // Midnight to midnight in local time, which also handles 23- and 25-hour days.
    start = new JsDate(y, m, day).getTime();
    end = new JsDate(y, m, day + 1).getTime();
    return key;
  }
}
