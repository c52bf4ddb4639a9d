package io.senchat.server.sync;

import dagger.Binds;
import dagger.Module;

/**
 * Binds {@link FeedReplay} to the store's change feed and {@link WriteBarrier} to the in-process tracker.
 *
 * <p>Needs bound: {@link io.senchat.store.ChatStore}. Scope: {@code @Singleton}.
 */
@Module
public abstract class SyncModule {

  private SyncModule() {
  }

  @Binds
  abstract FeedReplay feedReplay(StoreFeedReplay replay);

  @Binds
  abstract WriteBarrier writeBarrier(InProcessWriteBarrier barrier);
}
