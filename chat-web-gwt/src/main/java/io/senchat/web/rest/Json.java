package io.senchat.web.rest;

import io.senchat.domain.protocol.json.JsonArray;
import io.senchat.domain.protocol.json.JsonBool;
import io.senchat.domain.protocol.json.JsonLimits;
import io.senchat.domain.protocol.json.JsonNumber;
import io.senchat.domain.protocol.json.JsonObject;
import io.senchat.domain.protocol.json.JsonParser;
import io.senchat.domain.protocol.json.JsonString;
import io.senchat.domain.protocol.json.JsonValue;
import io.senchat.domain.user.SystemRole;
import io.senchat.domain.user.UserId;
import io.senchat.domain.user.UserProfile;
import java.util.List;

/**
 * Reads REST answers with the protocol's strict parser (so REST and real time share one JSON dialect) and lenient
 * accessors: a missing member reads as its default rather than failing the whole screen.
 */
public final class Json {

  /** REST pages (200 messages of 4000 characters) are far larger than one protocol frame. */
  private static final JsonLimits REST_LIMITS = new JsonLimits(16 * 1024 * 1024, 64, 100_000);

  private Json() {}

  /** The object in {@code text}, or an empty object when it is not one. */
  public static JsonObject parseObject(String text) {
    if (text == null || text.isEmpty()) {
      return JsonObject.EMPTY;
    }
    JsonValue v = JsonParser.parse(text, REST_LIMITS);
    return v instanceof JsonObject o ? o : JsonObject.EMPTY;
  }

  public static String str(JsonObject o, String name, String def) {
    return o.get(name) instanceof JsonString s ? s.value() : def;
  }

  public static long num(JsonObject o, String name, long def) {
    return o.get(name) instanceof JsonNumber n && n.isIntegral() ? n.longValue() : def;
  }

  public static boolean bool(JsonObject o, String name, boolean def) {
    return o.get(name) instanceof JsonBool b ? b.value() : def;
  }

  public static JsonObject obj(JsonObject o, String name) {
    return o.get(name) instanceof JsonObject child ? child : null;
  }

  public static List<JsonValue> arr(JsonObject o, String name) {
    return o.get(name) instanceof JsonArray a ? a.elements() : List.of();
  }

  /** A user object of the REST API, or {@code null}. */
  public static UserProfile user(JsonValue v) {
    if (!(v instanceof JsonObject o) || num(o, "id", 0) <= 0) {
      return null;
    }
    return new UserProfile(UserId.of(num(o, "id", 0)), str(o, "username", ""), str(o, "displayName", ""),
        str(o, "avatarUrl", ""), str(o, "statusText", ""),
        "super_admin".equals(str(o, "systemRole", "user")) ? SystemRole.SUPER_ADMIN : SystemRole.USER);
  }
}
