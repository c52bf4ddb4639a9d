package io.senchat.server.realtime;

import io.senchat.domain.common.ChatException;
import io.senchat.domain.common.ErrorCode;
import io.senchat.domain.protocol.ClientFrame;
import io.senchat.domain.protocol.Inbound;

/**
 * Bounds what one session may ask per second (token bucket per session); {@code ping} passes, so that a throttled
 * client still proves it is alive. The refusal is retryable: the client engine backs off and sends again.
 */
final class RateLimitGuard implements CommandHandler {

  private final CommandHandler next;

  RateLimitGuard(CommandHandler next) {
    this.next = next;
  }

  @Override
  public void handle(ClientSession session, Inbound command) {
    if (!(command.frame() instanceof ClientFrame.Ping) && !session.inbound().tryTake()) {
      throw new ChatException(ErrorCode.RATE_LIMITED, "too many frames from this connection; slow down");
    }
    next.handle(session, command);
  }

  @Override
  public String toString() {
    return "rateLimited(" + next + ")";
  }
}
