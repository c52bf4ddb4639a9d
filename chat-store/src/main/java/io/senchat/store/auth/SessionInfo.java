package io.senchat.store.auth;

import io.senchat.domain.user.UserId;

/**
 * One logged-in device.
 *
 * @param revokedAtMillis 0 while not revoked
 * @param revokeReason {@code ""} while not revoked; {@code LOGOUT}, {@code REVOKED_ALL} or {@code REFRESH_TOKEN_REUSE}
 */
public record SessionInfo(long id, UserId userId, String deviceName, long createdAtMillis, long lastUsedAtMillis,
    long expiresAtMillis, long revokedAtMillis, String revokeReason) {

  /** Reason recorded when a rotated refresh token is presented again: the token was probably stolen. */
  public static final String REUSE_DETECTED = "REFRESH_TOKEN_REUSE";

  public SessionInfo {
    if (userId == null || deviceName == null || revokeReason == null) {
      throw new IllegalArgumentException("session fields must not be null");
    }
  }

  public boolean isActiveAt(long nowMillis) {
    return revokedAtMillis == 0 && expiresAtMillis > nowMillis;
  }
}
