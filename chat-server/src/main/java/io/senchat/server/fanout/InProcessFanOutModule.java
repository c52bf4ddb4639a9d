package io.senchat.server.fanout;

import dagger.Binds;
import dagger.Module;

/**
 * Binds {@link FanOut} and {@link SessionRegistry} to their in-process implementations (one node).
 *
 * <p>Needs bound: {@link io.senchat.server.membership.Memberships} (see {@code MembershipModule}) and
 * {@link io.micrometer.core.instrument.MeterRegistry}. Scope: {@code @Singleton}.
 */
@Module
public abstract class InProcessFanOutModule {

  private InProcessFanOutModule() {
  }

  @Binds
  abstract FanOut fanOut(InProcessFanOut fanOut);

  @Binds
  abstract SessionRegistry sessionRegistry(InProcessSessionRegistry registry);
}
