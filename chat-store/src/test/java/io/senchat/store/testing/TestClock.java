package io.senchat.store.testing;

import io.senchat.domain.common.Clock;
import java.util.concurrent.atomic.AtomicLong;

/** A clock that starts at the real time, ticks one millisecond per read, and can jump forward. */
public final class TestClock implements Clock {

  private final AtomicLong now = new AtomicLong(System.currentTimeMillis());

  @Override
  public long nowMillis() {
    return now.incrementAndGet();
  }

  public void advanceMillis(long millis) {
    now.addAndGet(millis);
  }
}
