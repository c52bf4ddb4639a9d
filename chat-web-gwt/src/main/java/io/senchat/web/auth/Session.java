package io.senchat.web.auth;

import io.senchat.domain.protocol.json.JsonObject;
import io.senchat.domain.protocol.json.JsonWriter;
import io.senchat.domain.user.SystemRole;
import io.senchat.domain.user.UserProfile;
import io.senchat.web.rest.Json;

/**
 * A signed-in session as the auth routes answer it.
 *
 * @param user the signed-in user, or {@code null} when read back from storage before {@code /api/me} answered
 */
public record Session(String accessToken, long accessExpiresAtMillis, String refreshToken,
    long refreshExpiresAtMillis, UserProfile user) {

  /** The session in an answer of register, login or refresh; {@code null} when the answer is not one. */
  public static Session fromJson(JsonObject o) {
    String access = Json.str(o, "accessToken", "");
    String refresh = Json.str(o, "refreshToken", "");
    if (access.isEmpty() || refresh.isEmpty()) {
      return null;
    }
    return new Session(access, Json.num(o, "accessTokenExpiresAtMillis", 0), refresh,
        Json.num(o, "refreshTokenExpiresAtMillis", 0), Json.user(o.get("user")));
  }

  /**
   * The form kept in localStorage. The user's profile is kept too, so that a reload while the server is unreachable
   * still opens the app (with its offline queue) instead of the sign-in screen.
   */
  String toStorage() {
    JsonObject.Builder b = JsonObject.builder()
        .put("accessToken", accessToken)
        .put("accessTokenExpiresAtMillis", accessExpiresAtMillis)
        .put("refreshToken", refreshToken)
        .put("refreshTokenExpiresAtMillis", refreshExpiresAtMillis);
    if (user != null) {
      b.put("user", JsonObject.builder()
          .put("id", user.id().value())
          .put("username", user.username())
          .put("displayName", user.displayName())
          .put("avatarUrl", user.avatarUrl())
          .put("statusText", user.statusText())
          .put("systemRole", user.role() == SystemRole.SUPER_ADMIN ? "super_admin" : "user")
          .build());
    }
    return JsonWriter.write(b.build());
  }

  static Session fromStorage(String text) {
    try {
      return text == null ? null : fromJson(Json.parseObject(text));
    } catch (RuntimeException corrupt) {
      return null;
    }
  }

  Session withUser(UserProfile newUser) {
    return new Session(accessToken, accessExpiresAtMillis, refreshToken, refreshExpiresAtMillis, newUser);
  }
}
