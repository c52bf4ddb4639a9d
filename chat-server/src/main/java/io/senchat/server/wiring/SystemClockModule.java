package io.senchat.server.wiring;

import dagger.Module;
import dagger.Provides;
import io.senchat.domain.common.Clock;

/**
 * The wall clock, for token expiry, the store and the core.
 *
 * <p>Needs bound: nothing.
 */
@Module
public final class SystemClockModule {

  private SystemClockModule() {}

  @Provides
  static Clock clock() {
    return System::currentTimeMillis;
  }
}
