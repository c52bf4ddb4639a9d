package io.senchat.transport.longpoll.shared;

import io.senchat.domain.common.ChatException;
import io.senchat.domain.common.ErrorCode;
import io.senchat.domain.protocol.json.JsonArray;
import io.senchat.domain.protocol.json.JsonLimits;
import io.senchat.domain.protocol.json.JsonParser;
import io.senchat.domain.protocol.json.JsonString;
import io.senchat.domain.protocol.json.JsonValue;
import io.senchat.domain.protocol.json.JsonWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * The body of {@code POST {path}/{sid}}: a JSON array of encoded client frames, each a JSON string, in the order the
 * server must hand them on: {@code ["{\"v\":1,…}","…"]}.
 */
public final class UpstreamBatch {

  private UpstreamBatch() {}

  /** The JSON body for these frames. */
  public static String encode(List<String> frames) {
    int size = 2;
    for (String frame : frames) {
      size += frame.length() + 8;
    }
    StringBuilder out = new StringBuilder(size).append('[');
    for (int i = 0; i < frames.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      JsonWriter.writeString(frames.get(i), out);
    }
    return out.append(']').toString();
  }

  /**
   * Reads a body: a {@link ChatException} with {@code bad_json} when it is not JSON, {@code bad_frame} when not an
   * array of strings, {@code too_large} when it has more than {@code maxFrames} frames, is longer than
   * {@code maxChars}, or holds a frame longer than {@code maxFrameChars}.
   */
  public static List<String> parse(String json, int maxChars, int maxFrames, int maxFrameChars) {
    JsonValue value = JsonParser.parse(json, new JsonLimits(maxChars, 2, maxFrames));
    if (!(value instanceof JsonArray array)) {
      throw new ChatException(ErrorCode.BAD_FRAME, "expected a JSON array of frames (strings)");
    }
    if (array.size() == 0) {
      throw new ChatException(ErrorCode.BAD_FRAME, "expected at least one frame");
    }
    List<String> frames = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      if (!(array.get(i) instanceof JsonString frame)) {
        throw new ChatException(ErrorCode.BAD_FRAME, "[" + i + "]: a frame must be a JSON string");
      }
      if (frame.value().length() > maxFrameChars) {
        throw new ChatException(ErrorCode.TOO_LARGE, "[" + i + "]: frame of " + frame.value().length()
            + " characters exceeds the limit of " + maxFrameChars);
      }
      frames.add(frame.value());
    }
    return frames;
  }
}
