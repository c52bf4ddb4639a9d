package io.senchat.transport.longpoll.shared;

import io.senchat.domain.common.ChatException;
import io.senchat.domain.common.ErrorCode;
import io.senchat.domain.protocol.json.JsonArray;
import io.senchat.domain.protocol.json.JsonLimits;
import io.senchat.domain.protocol.json.JsonNull;
import io.senchat.domain.protocol.json.JsonNumber;
import io.senchat.domain.protocol.json.JsonObject;
import io.senchat.domain.protocol.json.JsonParser;
import io.senchat.domain.protocol.json.JsonString;
import io.senchat.domain.protocol.json.JsonValue;
import io.senchat.domain.protocol.json.JsonWriter;
import io.senchat.domain.transport.CloseReason;
import java.util.ArrayList;
import java.util.List;

/**
 * What one poll returns: {@code {"cursor":12,"frames":["…","…"]}}, plus {@code "close":{"code":…,"reason":…}} when
 * the session has ended. Every server frame of a session has a number (1, 2, 3…); the frames of a batch are the
 * numbers {@code cursor - frames.size() + 1} to {@code cursor}. An empty batch carries the server's acknowledged
 * cursor. Each frame is one encoded server frame, kept as a JSON string so that the transport never looks inside it.
 *
 * @param cursor the number of the batch's last frame
 * @param frames encoded server frames, in order
 * @param close why the session ended, or {@code null} while it is open
 */
public record PollBatch(long cursor, List<String> frames, CloseReason close) {

  public PollBatch {
    if (frames == null) {
      throw new IllegalArgumentException("frames must not be null");
    }
    frames = List.copyOf(frames);
    if (cursor < frames.size()) {
      throw new IllegalArgumentException("cursor " + cursor + " is below the batch's " + frames.size() + " frames");
    }
  }

  /** The number of the batch's first frame (one past the cursor when empty). */
  public long firstNumber() {
    return cursor - frames.size() + 1;
  }

  /** The JSON body. */
  public String encode() {
    int size = 40;
    for (String frame : frames) {
      size += frame.length() + 8;
    }
    StringBuilder out = new StringBuilder(size).append("{\"cursor\":").append(cursor).append(",\"frames\":[");
    for (int i = 0; i < frames.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      JsonWriter.writeString(frames.get(i), out);
    }
    out.append(']');
    if (close != null) {
      out.append(",\"close\":{\"code\":").append(close.code()).append(",\"reason\":");
      JsonWriter.writeString(close.reason(), out);
      out.append('}');
    }
    return out.append('}').toString();
  }

  /**
   * Reads a body of at most {@code maxChars} characters; a {@link ChatException} ({@code bad_json},
   * {@code bad_frame}, {@code too_large}) when it is not a batch.
   */
  public static PollBatch parse(String json, int maxChars) {
    JsonValue value = JsonParser.parse(json, new JsonLimits(maxChars, 4, 100_000));
    if (!(value instanceof JsonObject object)
        || !(object.get("cursor") instanceof JsonNumber cursor)
        || !(object.get("frames") instanceof JsonArray array)) {
      throw new ChatException(ErrorCode.BAD_FRAME, "not a poll batch");
    }
    List<String> frames = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      if (!(array.get(i) instanceof JsonString frame)) {
        throw new ChatException(ErrorCode.BAD_FRAME, "frames[" + i + "]: must be a string");
      }
      frames.add(frame.value());
    }
    CloseReason close = null;
    JsonValue closeValue = object.get("close");
    if (closeValue != null && !(closeValue instanceof JsonNull)) {
      if (!(closeValue instanceof JsonObject closeObject)
          || !(closeObject.get("code") instanceof JsonNumber code)
          || !(closeObject.get("reason") instanceof JsonString reason)) {
        throw new ChatException(ErrorCode.BAD_FRAME, "close: must be {code, reason}");
      }
      long number = code.longValue();
      if (number < 1000 || number > 4999) {
        throw new ChatException(ErrorCode.BAD_FRAME, "close.code: must be 1000..4999");
      }
      close = CloseReason.fromCode((int) number, reason.value());
    }
    try {
      return new PollBatch(cursor.longValue(), frames, close);
    } catch (IllegalArgumentException e) {
      throw new ChatException(ErrorCode.BAD_FRAME, e.getMessage());
    }
  }
}
