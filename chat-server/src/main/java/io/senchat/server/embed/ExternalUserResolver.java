package io.senchat.server.embed;

import io.senchat.domain.transport.Handshake;
import java.util.Optional;

/**
 * The integrator's authentication hook: who is making this request (REST call or real-time connection), judged by
 * the integrator's own session cookie or header. It runs on a worker thread and may block briefly.
 */
@FunctionalInterface
public interface ExternalUserResolver {

  /**
   * The integrator's user behind the request, or empty when nobody is logged in (SenChat answers 401).
   *
   * @param handshake the request's headers (lower-case names, cookies included), origin, remote address and any
   *     bearer token
   */
  Optional<ExternalUser> resolve(Handshake handshake);
}
