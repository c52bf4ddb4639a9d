package io.senchat.domain.transport;

/**
 * Why a connection closed, with a WebSocket-compatible close code (4000–4999 are SenChat's own) so that every
 * transport reports the same reasons and clients decide the same way whether to reconnect.
 *
 * @param code WebSocket-style close code
 * @param reason short human-readable explanation
 */
public record CloseReason(int code, String reason) {

  /** Orderly close by either side. */
  public static final CloseReason NORMAL = new CloseReason(1000, "normal");
  /** The server is shutting down or restarting: reconnect with backoff. */
  public static final CloseReason GOING_AWAY = new CloseReason(1001, "server going away");
  /** The peer broke the protocol beyond what an error frame can answer. */
  public static final CloseReason PROTOCOL_ERROR = new CloseReason(1002, "protocol error");
  /** The peer sent a frame over the size limit. */
  public static final CloseReason TOO_LARGE = new CloseReason(1009, "frame too large");
  /** A network failure without a close handshake. */
  public static final CloseReason ABNORMAL = new CloseReason(1006, "connection lost");
  /** Credentials missing, invalid or expired: do not reconnect before re-authenticating. */
  public static final CloseReason UNAUTHENTICATED = new CloseReason(4001, "unauthenticated");
  /** The Origin is not allowed. */
  public static final CloseReason FORBIDDEN_ORIGIN = new CloseReason(4003, "origin not allowed");
  /** The peer read too slowly; it should reconnect and resume by sync token. */
  public static final CloseReason SLOW_CONSUMER = new CloseReason(4008, "slow consumer");
  /** The peer stopped answering heartbeats. */
  public static final CloseReason HEARTBEAT_TIMEOUT = new CloseReason(4009, "heartbeat timeout");

  private static final CloseReason[] KNOWN = {
    NORMAL, GOING_AWAY, PROTOCOL_ERROR, TOO_LARGE, ABNORMAL, UNAUTHENTICATED, FORBIDDEN_ORIGIN, SLOW_CONSUMER,
    HEARTBEAT_TIMEOUT,
  };

  public CloseReason {
    if (reason == null) {
      throw new IllegalArgumentException("reason must not be null");
    }
  }

  /**
   * The reason for a close code received from a peer: SenChat's known codes map to their constants (so callers can
   * compare with {@code equals}); any other code keeps the peer's text ({@code null} becomes {@code ""}).
   */
  public static CloseReason fromCode(int code, String reason) {
    for (CloseReason known : KNOWN) {
      if (known.code == code) {
        return known;
      }
    }
    return new CloseReason(code, reason == null ? "" : reason);
  }

  /** True when a client should reconnect on its own (with backoff) after this close. */
  public boolean shouldReconnect() {
    return code != NORMAL.code && code != UNAUTHENTICATED.code && code != FORBIDDEN_ORIGIN.code;
  }
}
