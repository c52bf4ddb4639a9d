package io.senchat.server.presence;

import dagger.Binds;
import dagger.Module;

/**
 * Binds {@link PresenceService} to the in-memory implementation for one node.
 *
 * <p>Needs bound: {@link io.senchat.domain.common.Clock}. Scope: {@code @Singleton}.
 */
@Module
public abstract class InProcessPresenceModule {

  private InProcessPresenceModule() {
  }

  @Binds
  abstract PresenceService presence(InProcessPresence presence);
}
