package io.senchat.store.auth;

import java.time.Duration;

/**
 * How long refresh tokens and sessions live.
 *
 * @param refreshTokenTtl lifetime of each refresh token; a refresh issues a new one (sliding expiry)
 * @param sessionMaxAge absolute lifetime of a session; no refresh extends it
 */
public record SessionPolicy(Duration refreshTokenTtl, Duration sessionMaxAge) {

  /** Refresh tokens for 30 days, sessions for 180 days. */
  public static final SessionPolicy DEFAULTS = new SessionPolicy(Duration.ofDays(30), Duration.ofDays(180));

  public SessionPolicy {
    if (refreshTokenTtl == null || sessionMaxAge == null || refreshTokenTtl.isNegative() || refreshTokenTtl.isZero()
        || sessionMaxAge.compareTo(refreshTokenTtl) < 0) {
      throw new IllegalArgumentException("need 0 < refreshTokenTtl <= sessionMaxAge");
    }
  }
}
