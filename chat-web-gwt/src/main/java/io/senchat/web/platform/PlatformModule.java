package io.senchat.web.platform;

import dagger.Binds;
import dagger.Module;
import dagger.Provides;
import io.senchat.domain.client.ClientRuntime;
import io.senchat.domain.client.Scheduler;
import io.senchat.domain.common.Clock;
import io.senchat.domain.common.RandomSource;
import javax.inject.Singleton;

/**
 * The browser's platform services: scheduler ({@code setTimeout}), monotonic clock, randomness and localStorage.
 * Needs nothing bound.
 */
@Module
public abstract class PlatformModule {

  private PlatformModule() {}

  @Binds
  abstract Scheduler scheduler(BrowserScheduler impl);

  @Binds
  abstract Clock clock(MonotonicClock impl);

  @Binds
  abstract RandomSource random(BrowserRandom impl);

  @Binds
  abstract KeyValueStore keyValueStore(LocalKeyValueStore impl);

  @Provides
  @Singleton
  static ClientRuntime runtime(Scheduler scheduler, Clock clock, RandomSource random) {
    return new ClientRuntime(scheduler, clock, random);
  }
}
