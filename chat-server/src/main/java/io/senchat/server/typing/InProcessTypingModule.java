package io.senchat.server.typing;

import dagger.Binds;
import dagger.Module;

/**
 * Binds {@link TypingService} to the rate-limited relay over {@code FanOut}.
 *
 * <p>Needs bound: {@link io.senchat.server.fanout.FanOut}. Scope: {@code @Singleton}.
 */
@Module
public abstract class InProcessTypingModule {

  private InProcessTypingModule() {
  }

  @Binds
  abstract TypingService typing(InProcessTypingService typing);
}
