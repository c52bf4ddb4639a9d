package io.senchat.domain.protocol.json;

import io.senchat.domain.common.ChatException;
import io.senchat.domain.common.ErrorCode;

/** Input rejected by {@link JsonParser}, with the offset where the problem was found. */
public final class JsonParseException extends ChatException {

  private final int offset;

  /** A failure with {@link ErrorCode#BAD_JSON} or {@link ErrorCode#TOO_LARGE} at a character offset. */
  public JsonParseException(ErrorCode code, int offset, String problem) {
    super(code, problem + " at offset " + offset);
    this.offset = offset;
  }

  /** The offset, in UTF-16 code units from the start of the input, of the offending character. */
  public int offset() {
    return offset;
  }
}
