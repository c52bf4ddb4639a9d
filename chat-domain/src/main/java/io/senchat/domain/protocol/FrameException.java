package io.senchat.domain.protocol;

import io.senchat.domain.common.ChatException;
import io.senchat.domain.common.ErrorCode;

/**
 * A frame that could not be decoded. It carries the frame's request id when that much could be read, so the
 * {@code error} reply can echo it and the client can fail the right pending request.
 */
public final class FrameException extends ChatException {

  private final String requestId;

  /** A failure of the frame with this request id ({@code null} when unknown). */
  public FrameException(ErrorCode code, String message, String requestId) {
    super(code, message);
    this.requestId = requestId;
  }

  /** The offending frame's request id, or {@code null} when it had none or it could not be read. */
  public String requestId() {
    return requestId;
  }
}
