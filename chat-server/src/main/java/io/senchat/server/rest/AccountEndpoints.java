package io.senchat.server.rest;

import io.senchat.domain.common.ChatException;
import io.senchat.domain.common.ErrorCode;
import io.senchat.domain.common.Texts;
import io.senchat.domain.protocol.json.JsonObject;
import io.senchat.domain.rules.UserValidator;
import io.senchat.domain.user.UserId;
import io.senchat.domain.user.UserProfile;
import io.senchat.server.auth.AccessTokens;
import io.senchat.store.ChatStore;
import io.senchat.store.auth.IssuedSession;
import io.senchat.store.user.NewUser;

/**
 * SenChat's own accounts: register, log in, refresh (rotating the refresh token; presenting a rotated one again
 * revokes the session), log out. Present only when the server uses SenChat accounts rather than an integrator's.
 */
final class AccountEndpoints {

  static final int MIN_PASSWORD_CHARS = 8;
  static final int MAX_PASSWORD_CHARS = 1024;
  private static final int MAX_DEVICE_NAME_CHARS = 200;
  private static final int MAX_DEVICE_ID_CHARS = 64;

  private final ChatStore store;
  private final AccessTokens tokens;

  AccountEndpoints(ChatStore store, AccessTokens tokens) {
    this.store = store;
    this.tokens = tokens;
  }

  /** {@code POST /api/auth/register}. */
  Reply register(ApiRequest request) {
    JsonFields body = request.body();
    String username = Texts.asciiLowerCase(body.string("username").trim());
    String displayName = body.string("displayName").strip();
    String password = body.string("password");
    UserValidator.validateUsername(username);
    UserValidator.validateDisplayName(displayName);
    validatePassword(password);
    UserProfile user = store.users().register(new NewUser(username, displayName, password));
    return Reply.created(session(request, body, user, store.sessions().open(user.id(), deviceName(request, body))));
  }

  /** {@code POST /api/auth/login}. */
  Reply login(ApiRequest request) {
    JsonFields body = request.body();
    String username = body.string("username");
    String password = body.string("password");
    UserId id = store.credentials().verify(username, password)
        .orElseThrow(() -> new ChatException(ErrorCode.UNAUTHENTICATED, "wrong username or password"));
    UserProfile user = profile(id);
    return Reply.ok(session(request, body, user, store.sessions().open(id, deviceName(request, body))));
  }

  /** {@code POST /api/auth/refresh}. */
  Reply refresh(ApiRequest request) {
    JsonFields body = request.body();
    IssuedSession issued = store.sessions().refresh(body.string("refreshToken"));
    return Reply.ok(session(request, body, profile(issued.session().userId()), issued));
  }

  /** {@code POST /api/auth/logout}: ends the session the access token belongs to. */
  Reply logout(ApiRequest request) {
    AccessTokens.VerifiedToken token = tokens.verify(Handshakes.of(request.exchange()).accessToken());
    store.sessions().revoke(token.principal().userId(), token.sessionId());
    return Reply.noContent();
  }

  private JsonObject session(ApiRequest request, JsonFields body, UserProfile user, IssuedSession issued) {
    String deviceId = body.optString("deviceId").orElse("");
    if (deviceId.length() > MAX_DEVICE_ID_CHARS) {
      throw JsonFields.bad("body.deviceId", "must be at most " + MAX_DEVICE_ID_CHARS + " characters");
    }
    AccessTokens.IssuedAccessToken access = tokens.issue(user.id(), issued.session().id(), deviceId);
    return JsonObject.builder()
        .put("accessToken", access.token())
        .put("accessTokenExpiresAtMillis", access.expiresAtMillis())
        .put("refreshToken", issued.refreshToken())
        .put("refreshTokenExpiresAtMillis", issued.refreshExpiresAtMillis())
        .put("sessionId", issued.session().id())
        .put("user", RestJson.user(user))
        .build();
  }

  private UserProfile profile(UserId id) {
    return store.users().find(id)
        .orElseThrow(() -> new ChatException(ErrorCode.UNAUTHENTICATED, "the account no longer exists"));
  }

  /** The client's name for the device, else its User-Agent, so the session list says something useful. */
  private static String deviceName(ApiRequest request, JsonFields body) {
    String name = body.optString("deviceName").orElse(request.header("User-Agent")).strip();
    return name.length() > MAX_DEVICE_NAME_CHARS ? name.substring(0, MAX_DEVICE_NAME_CHARS) : name;
  }

  static void validatePassword(String password) {
    if (password.length() < MIN_PASSWORD_CHARS || password.length() > MAX_PASSWORD_CHARS) {
      throw new ChatException(ErrorCode.VALIDATION, "password must be " + MIN_PASSWORD_CHARS + " to "
          + MAX_PASSWORD_CHARS + " characters long");
    }
  }

  @Override
  public String toString() {
    return "AccountEndpoints";
  }
}
