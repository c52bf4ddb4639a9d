package io.senchat.domain.transport;

import io.senchat.domain.common.ErrorCode;
import io.senchat.domain.protocol.json.JsonWriter;

/**
 * The JSON body of an HTTP answer that refuses a transport request, the same as the REST API's:
 * {@code {"code":"unauthenticated","message":"…"}}, with {@link ErrorCode#httpStatus()} as the status.
 */
public final class ErrorBodies {

  private ErrorBodies() {}

  /** The body for this code and message ({@code null} is written as {@code ""}). */
  public static String body(ErrorCode code, String message) {
    StringBuilder out = new StringBuilder(48);
    out.append("{\"code\":");
    JsonWriter.writeString(code.wireName(), out);
    out.append(",\"message\":");
    JsonWriter.writeString(message == null ? "" : message, out);
    return out.append('}').toString();
  }
}
