package io.senchat.server.rest;

import dagger.BindsOptionalOf;
import dagger.Module;
import io.senchat.server.auth.AccessTokens;

/**
 * The REST API ({@link RestApi}, injected by constructor).
 *
 * <p>Needs bound: {@code ChatStore}, {@code Authenticator}, {@code FanOut}, {@code Clock}, {@code MeterRegistry};
 * optionally {@link AccessTokens} (from {@code TokenAuthModule}), which turns on the {@code /api/auth/*} routes.
 */
@Module
public abstract class RestModule {

  private RestModule() {}

  @BindsOptionalOf
  abstract AccessTokens accessTokens();
}
