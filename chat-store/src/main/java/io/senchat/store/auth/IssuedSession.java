package io.senchat.store.auth;

/**
 * A session with a freshly issued refresh token; the token is shown here once and stored only as a hash.
 *
 * @param refreshToken 256 random bits, base64url without padding
 */
public record IssuedSession(SessionInfo session, String refreshToken, long refreshExpiresAtMillis) {

  public IssuedSession {
    if (session == null || refreshToken == null) {
      throw new IllegalArgumentException("issued session fields must not be null");
    }
  }

  @Override
  public String toString() {
    return "IssuedSession[session=" + session + ", refreshToken=***, refreshExpiresAtMillis=" + refreshExpiresAtMillis
        + "]";
  }
}
