package io.senchat.server.membership;

import dagger.Binds;
import dagger.Module;

/**
 * Binds {@link Memberships} to the in-memory cache over the store.
 *
 * <p>Needs bound: {@link io.senchat.store.ChatStore}. Scope: {@code @Singleton}.
 */
@Module
public abstract class MembershipModule {

  private MembershipModule() {
  }

  @Binds
  abstract Memberships memberships(CachedMemberships cached);
}
