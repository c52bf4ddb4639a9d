package io.senchat.server.auth;

import io.senchat.domain.transport.Handshake;
import io.senchat.domain.transport.Principal;

/**
 * Decides who is calling, for real-time connections and REST calls alike. SenChat's own accounts use access tokens;
 * an integrator embedding SenChat can plug in a function over their own session cookies or headers instead.
 */
@FunctionalInterface
public interface Authenticator {

  /**
   * The caller, or an exception.
   *
   * @throws io.senchat.domain.common.ChatException UNAUTHENTICATED or TOKEN_EXPIRED when the caller is unknown
   */
  Principal authenticate(Handshake handshake);
}
