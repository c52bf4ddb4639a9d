package io.senchat.domain.transport;

/** Implemented by the server core: every transport hands every new connection to it. */
public interface ConnectionAcceptor {

  /**
   * Decides whether a client may connect, before the transport commits to the connection (e.g. before the
   * WebSocket upgrade), and returns who it is.
   *
   * @throws io.senchat.domain.common.ChatException with UNAUTHENTICATED, TOKEN_EXPIRED or FORBIDDEN to refuse
   */
  Principal authenticate(Handshake handshake);

  /** Starts a session for an accepted connection and returns where its inbound frames go. */
  ConnectionSession open(Connection connection, Principal principal);
}
