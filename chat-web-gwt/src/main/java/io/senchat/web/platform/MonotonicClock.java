package io.senchat.web.platform;

import elemental2.core.JsDate;
import elemental2.dom.DomGlobal;
import io.senchat.domain.common.Clock;
import javax.inject.Inject;
import jsinterop.base.Js;

/**
 * Epoch-like milliseconds that never jump: the wall clock read once at start plus {@code performance.now()}. The
 * engine measures heartbeats and timeouts with it, so a user changing the system time cannot stall the connection.
 */
final class MonotonicClock implements Clock {

  private final double origin;
  private final boolean hasPerformance;

  @Inject
  MonotonicClock() {
    hasPerformance = Js.asPropertyMap(DomGlobal.window).has("performance");
    origin = JsDate.now() - (hasPerformance ? DomGlobal.performance.now() : 0);
  }

  @Override
  public long nowMillis() {
    return (long) (hasPerformance ? origin + DomGlobal.performance.now() : JsDate.now());
  }
}
