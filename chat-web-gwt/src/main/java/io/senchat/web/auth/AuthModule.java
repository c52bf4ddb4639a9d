package io.senchat.web.auth;

import dagger.Binds;
import dagger.Module;
import io.senchat.domain.client.AccessTokenSource;

/** Binds the real-time client's {@link AccessTokenSource} to the session's tokens. Needs the platform module. */
@Module
public abstract class AuthModule {

  private AuthModule() {}

  @Binds
  abstract AccessTokenSource tokens(SessionTokenSource impl);
}
