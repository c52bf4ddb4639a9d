package io.senchat.transport.longpoll.server;

import io.senchat.domain.common.ErrorCode;
import io.senchat.domain.transport.CloseReason;

/** How a refusal by the core at open closes a session: the same codes the WebSocket endpoint closes with. */
final class Refusals {

  /** The core failed for a reason that is not the client's; the client may reconnect. */
  static final CloseReason SERVER_ERROR = new CloseReason(1011, "server error");

  /** The core is overloaded or refuses for now. */
  static final CloseReason TRY_AGAIN_LATER = new CloseReason(1013, "try again later");

  private Refusals() {}

  static CloseReason forCode(ErrorCode code) {
    return switch (code) {
      // The credentials work but may not be used here; reconnecting as-is cannot help.
      case UNAUTHENTICATED, TOKEN_EXPIRED, FORBIDDEN, NOT_MEMBER -> CloseReason.UNAUTHENTICATED;
      case RATE_LIMITED, UNAVAILABLE, SLOW_CONSUMER -> TRY_AGAIN_LATER;
      default -> SERVER_ERROR;
    };
  }
}
