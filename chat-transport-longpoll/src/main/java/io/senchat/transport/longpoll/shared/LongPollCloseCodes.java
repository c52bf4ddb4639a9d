package io.senchat.transport.longpoll.shared;

import io.senchat.domain.transport.CloseReason;

/** Maps what a long-poll client observes (HTTP statuses, close members) to a {@link CloseReason}. */
public final class LongPollCloseCodes {

  private LongPollCloseCodes() {}

  /**
   * The reason for a refused {@code open} (or any request refused for its credentials or origin): the same mapping
   * as a refused WebSocket upgrade, {@link CloseReason#UNAUTHENTICATED} for 401 and 403 so that the caller does not
   * retry blindly, {@link CloseReason#GOING_AWAY} for 503 (shutting down, full), otherwise
   * {@link CloseReason#ABNORMAL}.
   */
  public static CloseReason fromOpenStatus(int httpStatus) {
    if (httpStatus == 401 || httpStatus == 403) {
      return CloseReason.UNAUTHENTICATED;
    }
    return httpStatus == 503 ? CloseReason.GOING_AWAY : CloseReason.ABNORMAL;
  }

  /**
   * The reason for a failed poll or upstream request on an open session: 404 (the server no longer knows the session,
   * e.g. it expired) is a lost connection; 413 is {@link CloseReason#TOO_LARGE}; 401 and 403 as for open; other 4xx
   * are {@link CloseReason#PROTOCOL_ERROR}; anything else is {@link CloseReason#ABNORMAL}.
   */
  public static CloseReason fromSessionStatus(int httpStatus) {
    if (httpStatus == 401 || httpStatus == 403) {
      return CloseReason.UNAUTHENTICATED;
    }
    if (httpStatus == 413) {
      return CloseReason.TOO_LARGE;
    }
    if (httpStatus >= 400 && httpStatus < 500 && httpStatus != 404 && httpStatus != 408 && httpStatus != 429) {
      return CloseReason.PROTOCOL_ERROR;
    }
    return CloseReason.ABNORMAL;
  }
}
