package io.senchat.web.ui;

import elemental2.core.JsDate;

/** Human-readable times for the UI, in the browser's locale (java.time is not translated by GWT). */
public final class Format {

  private static final long MINUTE = 60_000;
  private static final long HOUR = 60 * MINUTE;
  private static final long DAY = 24 * HOUR;

  private Format() {}

  /** "last seen just now / 5 min ago / 3 h ago / on 24/11/2026". */
  public static String lastSeen(long lastSeenMillis, long nowMillis) {
    if (lastSeenMillis <= 0) {
      return "offline";
    }
    long ago = Math.max(0, nowMillis - lastSeenMillis);
    if (ago < MINUTE) {
      return "last seen just now";
    }
    if (ago < HOUR) {
      return "last seen " + (ago / MINUTE) + " min ago";
    }
    if (ago < DAY) {
      return "last seen " + (ago / HOUR) + " h ago";
    }
    return "last seen on " + new JsDate((double) lastSeenMillis).toLocaleDateString();
  }

  /** Time of day for today, else the date: what conversation rows show next to the preview. */
  public static String shortTime(long millis, long nowMillis) {
    if (millis <= 0) {
      return "";
    }
    JsDate d = new JsDate((double) millis);
    if (nowMillis - millis < DAY && new JsDate((double) nowMillis).getDate() == d.getDate()) {
      return pad(d.getHours()) + ":" + pad(d.getMinutes());
    }
    return d.toLocaleDateString();
  }

  private static String pad(double n) {
    int i = (int) n;
    return i < 10 ? "0" + i : String.valueOf(i);
  }
}
