package io.senchat.transport.ws.server;

import io.senchat.domain.common.ErrorCode;
import io.senchat.domain.transport.CloseReason;

/** Close reasons the server side needs beyond the SPI's constants, and the mapping from refusals to them. */
final class CloseReasons {

  /** The core failed for a reason that is not the client's; the client may reconnect. */
  static final CloseReason SERVER_ERROR = new CloseReason(1011, "server error");

  /** The core is overloaded or refuses for now (RFC 6455 registry "Try Again Later"). */
  static final CloseReason TRY_AGAIN_LATER = new CloseReason(1013, "try again later");

  private CloseReasons() {}

  /** How a refusal by the core (at open, or at authentication when refused with a close frame) closes the link. */
  static CloseReason forRefusal(ErrorCode code) {
    return switch (code) {
      // FORBIDDEN and NOT_MEMBER: the credentials work but may not be used here; reconnecting as-is cannot help.
      case UNAUTHENTICATED, TOKEN_EXPIRED, FORBIDDEN, NOT_MEMBER -> CloseReason.UNAUTHENTICATED;
      case RATE_LIMITED, UNAVAILABLE, SLOW_CONSUMER -> TRY_AGAIN_LATER;
      default -> SERVER_ERROR;
    };
  }
}
