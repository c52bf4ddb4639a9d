package io.senchat.server.auth;

import io.senchat.domain.transport.Handshake;
import io.senchat.domain.transport.Principal;
import javax.inject.Inject;

/** {@link Authenticator} for SenChat's own accounts: the bearer access token must verify. */
final class TokenAuthenticator implements Authenticator {

  private final AccessTokens tokens;

  @Inject
  TokenAuthenticator(AccessTokens tokens) {
    this.tokens = tokens;
  }

  @Override
  public Principal authenticate(Handshake handshake) {
    return tokens.verify(handshake.accessToken()).principal();
  }

  @Override
  public String toString() {
    return "TokenAuthenticator";
  }
}
