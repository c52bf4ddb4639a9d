package io.senchat.domain.common;

/** A failure with a stable {@link ErrorCode}, thrown by rules and codecs and turned into an error frame or reply. */
public class ChatException extends RuntimeException {

  private final ErrorCode code;

  public ChatException(ErrorCode code, String message) {
    super(message);
    if (code == null) {
      throw new IllegalArgumentException("code must not be null");
    }
    this.code = code;
  }

  public ErrorCode code() {
    return code;
  }
}
