package io.senchat.server.realtime;

import io.senchat.domain.common.ChatException;
import io.senchat.domain.common.ErrorCode;
import io.senchat.domain.protocol.Inbound;

/**
 * Passes on commands of sessions that are authenticated and still open. Transports authenticate before the session
 * exists (the acceptor refuses anyone else), so this catches frames that arrive while a session is being ended.
 */
final class AuthenticatedGuard implements CommandHandler {

  private final CommandHandler next;

  AuthenticatedGuard(CommandHandler next) {
    this.next = next;
  }

  @Override
  public void handle(ClientSession session, Inbound command) {
    if (session.principal() == null || !session.isOpen()) {
      throw new ChatException(ErrorCode.UNAUTHENTICATED, "this session has ended; reconnect");
    }
    next.handle(session, command);
  }

  @Override
  public String toString() {
    return "authenticated(" + next + ")";
  }
}
