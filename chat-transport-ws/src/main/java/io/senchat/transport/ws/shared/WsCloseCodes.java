package io.senchat.transport.ws.shared;

import io.senchat.domain.transport.CloseReason;

/** Maps what a WebSocket client observes to a {@link CloseReason}, so every client decides about reconnecting alike. */
public final class WsCloseCodes {

  private WsCloseCodes() {}

  /**
   * The reason for a close code received from the peer: SenChat's known codes map to their constants (so callers can
   * compare with {@code equals}); any other code keeps the peer's text.
   */
  public static CloseReason fromCode(int code, String reason) {
    return CloseReason.fromCode(code, reason);
  }

  /**
   * The reason for an opening handshake the server answered with this HTTP status instead of upgrading:
   * {@link CloseReason#UNAUTHENTICATED} for 401 and 403, so the caller does not retry blindly, otherwise
   * {@link CloseReason#ABNORMAL}.
   */
  public static CloseReason fromHandshakeStatus(int httpStatus) {
    return httpStatus == 401 || httpStatus == 403 ? CloseReason.UNAUTHENTICATED : CloseReason.ABNORMAL;
  }

  /**
   * True when a client may put this code in its own close frame: browsers and the JDK accept only 1000 and
   * 3000–4999, so a client that fails with, say, 1009 must close without a code (or drop the connection).
   */
  public static boolean clientMaySend(int code) {
    return code == 1000 || (code >= 3000 && code <= 4999);
  }
}
