package io.senchat.domain.protocol;

import io.senchat.domain.common.ChatException;
import io.senchat.domain.common.ErrorCode;
import io.senchat.domain.conversation.ConversationId;
import io.senchat.domain.protocol.json.JsonArray;
import io.senchat.domain.protocol.json.JsonBool;
import io.senchat.domain.protocol.json.JsonNull;
import io.senchat.domain.protocol.json.JsonNumber;
import io.senchat.domain.protocol.json.JsonObject;
import io.senchat.domain.protocol.json.JsonString;
import io.senchat.domain.protocol.json.JsonValue;
import io.senchat.domain.user.UserId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Typed access to the members of one JSON object, failing with {@link ErrorCode#BAD_FRAME} and the member's path
 * (e.g. {@code data.mentions[2].start}). A member set to JSON {@code null} counts as absent. Members it is not asked
 * about are ignored: that is the protocol's forward-compatibility rule.
 */
final class FieldReader {

  /** Reads one array element at a path. */
  interface ElementReader<T> {
    T read(JsonValue value, String path);
  }

  private final JsonObject object;
  private final String path;

  private FieldReader(JsonObject object, String path) {
    this.object = object;
    this.path = path;
  }

  /** A reader of this value, which must be an object. */
  static FieldReader of(JsonValue value, String path) {
    if (value instanceof JsonObject object) {
      return new FieldReader(object, path);
    }
    throw bad(path, "must be an object, not " + value.typeName());
  }

  static ChatException bad(String path, String problem) {
    return new ChatException(ErrorCode.BAD_FRAME, path + ": " + problem);
  }

  String path() {
    return path;
  }

  String pathOf(String name) {
    return path + "." + name;
  }

  /** True when the member exists, even with a {@code null} value. */
  boolean has(String name) {
    return object.get(name) != null;
  }

  JsonValue required(String name) {
    JsonValue value = optional(name);
    if (value == null) {
      throw bad(pathOf(name), "missing");
    }
    return value;
  }

  /** The member's value, or {@code null} when absent or JSON {@code null}. */
  JsonValue optional(String name) {
    JsonValue value = object.get(name);
    return value instanceof JsonNull ? null : value;
  }

  String string(String name) {
    return asString(required(name), pathOf(name));
  }

  String optString(String name) {
    JsonValue value = optional(name);
    return value == null ? "" : asString(value, pathOf(name));
  }

  boolean bool(String name) {
    return asBool(required(name), pathOf(name));
  }

  boolean optBool(String name) {
    JsonValue value = optional(name);
    return value != null && asBool(value, pathOf(name));
  }

  long nonNegative(String name) {
    return nonNegative(required(name), pathOf(name));
  }

  long optNonNegative(String name) {
    JsonValue value = optional(name);
    return value == null ? 0 : nonNegative(value, pathOf(name));
  }

  long positive(String name) {
    return asId(required(name), pathOf(name));
  }

  int intIn(String name, int min, int max) {
    return asIntIn(required(name), pathOf(name), min, max);
  }

  int optIntIn(String name, int min, int max) {
    JsonValue value = optional(name);
    return value == null ? 0 : asIntIn(value, pathOf(name), min, max);
  }

  ConversationId conversationId(String name) {
    return ConversationId.of(positive(name));
  }

  ConversationId optConversationId(String name) {
    JsonValue value = optional(name);
    return value == null ? null : ConversationId.of(asId(value, pathOf(name)));
  }

  UserId userId(String name) {
    return asUserId(required(name), pathOf(name));
  }

  SyncToken syncToken(String name) {
    return asSyncToken(required(name), pathOf(name));
  }

  SyncToken optSyncToken(String name) {
    JsonValue value = optional(name);
    return value == null ? null : asSyncToken(value, pathOf(name));
  }

  FieldReader object(String name) {
    return of(required(name), pathOf(name));
  }

  FieldReader optObject(String name) {
    JsonValue value = optional(name);
    return value == null ? null : of(value, pathOf(name));
  }

  /** The member's wire-name enum value; {@code expected} lists the accepted names for the error message. */
  <E> E choice(String name, Function<String, E> byWireName, String expected) {
    String wireName = string(name);
    E value = byWireName.apply(wireName);
    if (value == null) {
      throw bad(pathOf(name), "must be one of " + expected + ", not \"" + Wire.abbreviate(wireName) + "\"");
    }
    return value;
  }

  <T> List<T> list(String name, int maxSize, ElementReader<T> reader) {
    return asList(required(name), pathOf(name), maxSize, reader);
  }

  <T> List<T> optList(String name, int maxSize, ElementReader<T> reader) {
    JsonValue value = optional(name);
    return value == null ? List.of() : asList(value, pathOf(name), maxSize, reader);
  }

  static String asString(JsonValue value, String path) {
    if (value instanceof JsonString string) {
      return string.value();
    }
    throw bad(path, "must be a string, not " + value.typeName());
  }

  static boolean asBool(JsonValue value, String path) {
    if (value instanceof JsonBool bool) {
      return bool.value();
    }
    throw bad(path, "must be true or false, not " + value.typeName());
  }

  /** An integer within +-(2^53 - 1); written as a fraction or exponent it is refused, as is anything larger. */
  static long asSafeLong(JsonValue value, String path) {
    if (!(value instanceof JsonNumber number)) {
      throw bad(path, "must be an integer, not " + value.typeName());
    }
    if (!number.isIntegral()) {
      throw bad(path, "must be an integer within +-(2^53 - 1)");
    }
    long result = number.longValue();
    if (result > ProtocolLimits.MAX_SAFE_INTEGER || result < -ProtocolLimits.MAX_SAFE_INTEGER) {
      throw bad(path, "must be an integer within +-(2^53 - 1)");
    }
    return result;
  }

  static long nonNegative(JsonValue value, String path) {
    long result = asSafeLong(value, path);
    if (result < 0) {
      throw bad(path, "must not be negative");
    }
    return result;
  }

  static long asId(JsonValue value, String path) {
    long result = asSafeLong(value, path);
    if (result <= 0) {
      throw bad(path, "must be positive");
    }
    return result;
  }

  static int asIntIn(JsonValue value, String path, int min, int max) {
    long result = asSafeLong(value, path);
    if (result < min || result > max) {
      throw bad(path, "must be " + min + ".." + max);
    }
    return (int) result;
  }

  static UserId asUserId(JsonValue value, String path) {
    return UserId.of(asId(value, path));
  }

  static SyncToken asSyncToken(JsonValue value, String path) {
    SyncToken token = SyncToken.tryParse(asString(value, path));
    if (token == null) {
      throw bad(path, "not a sync token");
    }
    return token;
  }

  static <T> List<T> asList(JsonValue value, String path, int maxSize, ElementReader<T> reader) {
    if (!(value instanceof JsonArray array)) {
      throw bad(path, "must be an array, not " + value.typeName());
    }
    if (array.size() > maxSize) {
      throw bad(path, "must hold at most " + maxSize + " elements");
    }
    List<T> result = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      String elementPath = path + "[" + i + "]";
      JsonValue element = array.get(i);
      if (element instanceof JsonNull) {
        throw bad(elementPath, "must not be null");
      }
      result.add(reader.read(element, elementPath));
    }
    return result;
  }
}
