package io.senchat.domain.client;

import io.senchat.domain.common.ErrorCode;
import io.senchat.domain.transport.CloseReason;

/**
 * A snapshot of the connection for the application to show.
 *
 * @param retryInMillis when {@link ConnectionState#RECONNECTING}: the delay before the next attempt, else 0
 * @param lastClose why the last connection ended, or {@code null} when none has yet
 * @param failureCode when {@link ConnectionState#FAILED}: the error code that made the client give up (a wire name
 *     such as {@code "unauthenticated"}), else {@code ""}
 */
public record ConnectionStatus(ConnectionState state, long retryInMillis, CloseReason lastClose, String failureCode) {

  /** The status of a client that has not started. */
  public static final ConnectionStatus INITIAL = new ConnectionStatus(ConnectionState.OFFLINE, 0, null, "");

  public ConnectionStatus {
    if (state == null || failureCode == null) {
      throw new IllegalArgumentException("state and failure code must not be null");
    }
    if (retryInMillis < 0) {
      throw new IllegalArgumentException("retry delay must not be negative: " + retryInMillis);
    }
  }

  /** The failure as a known code, or {@code null} when there is none or this version does not know it. */
  public ErrorCode failure() {
    return failureCode.isEmpty() ? null : ErrorCode.fromWireName(failureCode);
  }
}
