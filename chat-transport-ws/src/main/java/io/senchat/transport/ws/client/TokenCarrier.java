package io.senchat.transport.ws.client;

/** Where the JVM client puts its access token in the upgrade request. */
public enum TokenCarrier {
  /** {@code Authorization: Bearer <token>}: the usual place for non-browser clients. */
  HEADER,
  /** A {@code bearer.<token>} subprotocol, as browsers do. */
  SUBPROTOCOL,
  /** {@code ?access_token=<token>}: last resort, since URLs end up in access logs. */
  QUERY
}
