package io.senchat.server.rest;

import io.senchat.domain.transport.Principal;
import io.senchat.server.auth.Authenticator;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.AttachmentKey;

/**
 * Lets a request through only when the {@link Authenticator} names its caller, whom it attaches for the endpoint;
 * otherwise the authenticator's UNAUTHENTICATED or TOKEN_EXPIRED becomes a 401.
 */
final class AuthenticatingHandler implements HttpHandler {

  /** The caller of an authenticated request. */
  static final AttachmentKey<Principal> PRINCIPAL = AttachmentKey.create(Principal.class);

  private final Authenticator authenticator;
  private final HttpHandler next;

  AuthenticatingHandler(Authenticator authenticator, HttpHandler next) {
    this.authenticator = authenticator;
    this.next = next;
  }

  @Override
  public void handleRequest(HttpServerExchange exchange) throws Exception {
    Principal principal = authenticator.authenticate(Handshakes.of(exchange));
    if (principal == null) {
      throw new IllegalStateException(authenticator + " returned no principal");
    }
    exchange.putAttachment(PRINCIPAL, principal);
    next.handleRequest(exchange);
  }

  @Override
  public String toString() {
    return "authenticated(" + next + ")";
  }
}
