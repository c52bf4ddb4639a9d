package io.senchat.server.rest;

import io.senchat.domain.common.ChatException;
import io.senchat.domain.common.ErrorCode;
import io.senchat.domain.common.Texts;
import io.senchat.domain.protocol.json.JsonObject;
import io.senchat.domain.rules.UserValidator;
import io.senchat.domain.user.UserProfile;
import io.senchat.store.ChatStore;
import io.senchat.store.user.ProfileChange;
import java.util.List;

/** The caller's own profile, and the contact search. */
final class ProfileEndpoints {

  static final int MAX_STATUS_CHARS = 140;
  static final int MAX_SEARCH_RESULTS = 50;

  private final ChatStore store;

  ProfileEndpoints(ChatStore store) {
    this.store = store;
  }

  /** {@code GET /api/me}. */
  Reply me(ApiRequest request) {
    return Reply.ok(RestJson.user(store.users().find(request.user())
        .orElseThrow(() -> new ChatException(ErrorCode.UNAUTHENTICATED, "your account no longer exists"))));
  }

  /** {@code PATCH /api/me}: display name, avatar, status; absent members stay as they are. */
  Reply update(ApiRequest request) {
    JsonFields body = request.body();
    String displayName = body.optString("displayName").map(String::strip).orElse(null);
    String avatarUrl = body.optString("avatarUrl").orElse(null);
    String statusText = body.optString("statusText").map(String::strip).orElse(null);
    if (displayName == null && avatarUrl == null && statusText == null) {
      throw new ChatException(ErrorCode.BAD_FRAME, "body: set at least one of displayName, avatarUrl, statusText");
    }
    if (displayName != null) {
      UserValidator.validateDisplayName(displayName);
    }
    if (avatarUrl != null) {
      Urls.validateImageUrl("avatarUrl", avatarUrl);
    }
    if (statusText != null) {
      validateStatus(statusText);
    }
    UserProfile updated = store.profiles().update(request.user(),
        new ProfileChange(displayName, avatarUrl, statusText));
    return Reply.ok(RestJson.user(updated));
  }

  /** {@code GET /api/users?q=&limit=}: users whose username or display name starts with {@code q}. */
  Reply search(ApiRequest request) {
    String query = request.query("q")
        .orElseThrow(() -> new ChatException(ErrorCode.BAD_FRAME, "query parameter q is required"));
    if (query.length() > 100) {
      throw new ChatException(ErrorCode.BAD_FRAME, "query parameter q must be at most 100 characters");
    }
    List<UserProfile> users = store.users().search(query, request.limit(20, MAX_SEARCH_RESULTS));
    return Reply.ok(JsonObject.builder().put("users", RestJson.array(users, RestJson::user)).build());
  }

  private static void validateStatus(String statusText) {
    if (Texts.codePointCount(statusText) > MAX_STATUS_CHARS || !Texts.isWellFormed(statusText)) {
      throw new ChatException(ErrorCode.VALIDATION, "status text must be at most " + MAX_STATUS_CHARS
          + " characters");
    }
    for (int i = 0; i < statusText.length(); i++) {
      char c = statusText.charAt(i);
      if (Texts.isControl(c) || Texts.isBidiControl(c)) {
        throw new ChatException(ErrorCode.VALIDATION, "status text must be one line without control characters");
      }
    }
  }

  @Override
  public String toString() {
    return "ProfileEndpoints";
  }
}
