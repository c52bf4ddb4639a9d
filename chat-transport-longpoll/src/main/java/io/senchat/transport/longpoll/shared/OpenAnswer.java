package io.senchat.transport.longpoll.shared;

import io.senchat.domain.common.ChatException;
import io.senchat.domain.common.ErrorCode;
import io.senchat.domain.protocol.json.JsonLimits;
import io.senchat.domain.protocol.json.JsonNumber;
import io.senchat.domain.protocol.json.JsonObject;
import io.senchat.domain.protocol.json.JsonParser;
import io.senchat.domain.protocol.json.JsonString;
import io.senchat.domain.protocol.json.JsonValue;
import io.senchat.domain.protocol.json.JsonWriter;

/**
 * The answer to {@code POST {path}/open}: {@code {"sid":"…","pollTimeoutMillis":25000,"maxFramesPerPost":100}}.
 *
 * @param sessionId the session's id, a capability: whoever knows it may poll and post, so it is random and secret
 * @param pollTimeoutMillis how long the server holds a poll without frames; the client's poll request timeout must
 *     be longer
 * @param maxFramesPerPost most frames one upstream request may carry
 */
public record OpenAnswer(String sessionId, long pollTimeoutMillis, int maxFramesPerPost) {

  private static final JsonLimits LIMITS = new JsonLimits(4096, 4, 16);

  public OpenAnswer {
    if (!LongPollUrls.isSessionId(sessionId) || pollTimeoutMillis < 1 || maxFramesPerPost < 1) {
      throw new IllegalArgumentException("bad open answer: " + sessionId + ", " + pollTimeoutMillis + ", "
          + maxFramesPerPost);
    }
  }

  /** The JSON body. */
  public String encode() {
    StringBuilder out = new StringBuilder(96).append("{\"sid\":");
    JsonWriter.writeString(sessionId, out);
    return out.append(",\"pollTimeoutMillis\":").append(pollTimeoutMillis)
        .append(",\"maxFramesPerPost\":").append(maxFramesPerPost).append('}').toString();
  }

  /** Reads a body; a {@link ChatException} ({@code bad_json}, {@code bad_frame}) when it is not an open answer. */
  public static OpenAnswer parse(String json) {
    JsonValue value = JsonParser.parse(json, LIMITS);
    if (!(value instanceof JsonObject object)
        || !(object.get("sid") instanceof JsonString sid)
        || !(object.get("pollTimeoutMillis") instanceof JsonNumber timeout)
        || !(object.get("maxFramesPerPost") instanceof JsonNumber frames)) {
      throw new ChatException(ErrorCode.BAD_FRAME, "not an open answer");
    }
    try {
      long maxFrames = frames.longValue();
      return new OpenAnswer(sid.value(), timeout.longValue(), (int) Math.min(Integer.MAX_VALUE, maxFrames));
    } catch (IllegalArgumentException e) {
      throw new ChatException(ErrorCode.BAD_FRAME, "bad open answer: " + e.getMessage());
    }
  }
}
