package io.senchat.server.auth;

import dagger.Binds;
import dagger.Module;
import dagger.Provides;
import io.senchat.domain.common.Clock;
import javax.inject.Singleton;

/**
 * SenChat's own accounts: access tokens signed with {@link TokenKey}, checked by the {@link Authenticator}. With this
 * module the REST API also serves {@code /api/auth/*} (register, login, refresh, logout).
 *
 * <p>Needs bound: {@link TokenKey} and {@link Clock}.
 */
@Module
public abstract class TokenAuthModule {

  private TokenAuthModule() {}

  @Provides
  @Singleton
  static AccessTokens accessTokens(TokenKey key, Clock clock) {
    return new AccessTokens(key.secret(), clock, AccessTokens.DEFAULT_TTL_MILLIS);
  }

  @Binds
  abstract Authenticator authenticator(TokenAuthenticator tokens);
}
