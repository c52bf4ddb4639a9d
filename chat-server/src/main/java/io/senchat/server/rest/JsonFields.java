package io.senchat.server.rest;

import io.senchat.domain.common.ChatException;
import io.senchat.domain.common.ErrorCode;
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
import java.util.Optional;

/**
 * Typed access to the members of a request body, failing with {@link ErrorCode#BAD_FRAME} and the member's name.
 * As in the protocol, a member set to {@code null} counts as absent and unknown members are ignored.
 */
final class JsonFields {

  /** Integers beyond this are not exact in JavaScript clients, so the API refuses them like the protocol does. */
  private static final long MAX_SAFE_INTEGER = (1L << 53) - 1;

  private final JsonObject object;
  private final String path;

  private JsonFields(JsonObject object, String path) {
    this.object = object;
    this.path = path;
  }

  /** The members of {@code value}, which must be an object. */
  static JsonFields of(JsonValue value, String path) {
    if (value instanceof JsonObject object) {
      return new JsonFields(object, path);
    }
    throw bad(path, "must be a JSON object, not " + value.typeName());
  }

  static ChatException bad(String path, String problem) {
    return new ChatException(ErrorCode.BAD_FRAME, path + ": " + problem);
  }

  private String pathOf(String name) {
    return path.isEmpty() ? name : path + "." + name;
  }

  /** True when the member is present and not {@code null}. */
  boolean has(String name) {
    return optional(name) != null;
  }

  private JsonValue optional(String name) {
    JsonValue value = object.get(name);
    return value instanceof JsonNull ? null : value;
  }

  private JsonValue required(String name) {
    JsonValue value = optional(name);
    if (value == null) {
      throw bad(pathOf(name), "missing");
    }
    return value;
  }

  String string(String name) {
    return asString(required(name), pathOf(name));
  }

  Optional<String> optString(String name) {
    JsonValue value = optional(name);
    return value == null ? Optional.empty() : Optional.of(asString(value, pathOf(name)));
  }

  Optional<Boolean> optBool(String name) {
    JsonValue value = optional(name);
    if (value == null) {
      return Optional.empty();
    }
    if (value instanceof JsonBool bool) {
      return Optional.of(bool.value());
    }
    throw bad(pathOf(name), "must be true or false, not " + value.typeName());
  }

  /** A positive integer id. */
  long id(String name) {
    long value = asSafeLong(required(name), pathOf(name));
    if (value <= 0) {
      throw bad(pathOf(name), "must be positive");
    }
    return value;
  }

  Optional<Long> optNonNegative(String name) {
    JsonValue value = optional(name);
    if (value == null) {
      return Optional.empty();
    }
    long result = asSafeLong(value, pathOf(name));
    if (result < 0) {
      throw bad(pathOf(name), "must not be negative");
    }
    return Optional.of(result);
  }

  /** A list of user ids; its length is left to the domain rules (which answer VALIDATION, not BAD_FRAME). */
  List<UserId> userIds(String name) {
    JsonValue value = required(name);
    if (!(value instanceof JsonArray array)) {
      throw bad(pathOf(name), "must be an array of user ids, not " + value.typeName());
    }
    List<UserId> ids = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      String elementPath = pathOf(name) + "[" + i + "]";
      long id = asSafeLong(array.get(i), elementPath);
      if (id <= 0) {
        throw bad(elementPath, "must be positive");
      }
      ids.add(UserId.of(id));
    }
    return ids;
  }

  Optional<JsonFields> optObject(String name) {
    JsonValue value = optional(name);
    return value == null ? Optional.empty() : Optional.of(of(value, pathOf(name)));
  }

  private static String asString(JsonValue value, String path) {
    if (value instanceof JsonString string) {
      return string.value();
    }
    throw bad(path, "must be a string, not " + value.typeName());
  }

  private static long asSafeLong(JsonValue value, String path) {
    if (!(value instanceof JsonNumber number) || !number.isIntegral()) {
      throw bad(path, "must be an integer, not " + (value instanceof JsonNumber ? "a fraction" : value.typeName()));
    }
    long result = number.longValue();
    if (result > MAX_SAFE_INTEGER || result < -MAX_SAFE_INTEGER) {
      throw bad(path, "must be an integer within +-(2^53 - 1)");
    }
    return result;
  }
}
