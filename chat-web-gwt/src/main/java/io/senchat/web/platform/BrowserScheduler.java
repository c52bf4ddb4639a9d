package io.senchat.web.platform;

import elemental2.dom.DomGlobal;
import io.senchat.domain.client.Cancellable;
import io.senchat.domain.client.Scheduler;
import javax.inject.Inject;

/** {@link Scheduler} on {@code setTimeout}: the browser's one event loop is the engine's event loop. */
final class BrowserScheduler implements Scheduler {

  @Inject
  BrowserScheduler() {}

  @Override
  public Cancellable schedule(long delayMillis, Runnable task) {
    double handle = DomGlobal.setTimeout(ignored -> task.run(), Math.max(0, delayMillis));
    return () -> DomGlobal.clearTimeout(handle);
  }
}
