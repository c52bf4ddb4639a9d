package io.senchat.server.auth;

import io.senchat.domain.common.ChatException;
import io.senchat.domain.common.Clock;
import io.senchat.domain.common.ErrorCode;
import io.senchat.domain.transport.Principal;
import io.senchat.domain.user.UserId;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Short-lived, stateless access tokens: {@code v1.<payload>.<signature>}, HMAC-SHA256 over the payload
 * {@code userId:sessionId:expiresAtMillis:deviceId}. Verifying needs no database round trip, which matters on every
 * connect and REST call; revocation takes effect when the token expires, because refresh goes through the store.
 */
public final class AccessTokens {

  /** Fifteen minutes: short enough that a leaked token is soon useless, long enough to rarely refresh. */
  public static final long DEFAULT_TTL_MILLIS = 15 * 60 * 1000L;

  private static final String VERSION = "v1";
  private static final int MAX_TOKEN_CHARS = 1024;
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

  private final SecretKeySpec key;
  private final Clock clock;
  private final long ttlMillis;

  /** Tokens signed with {@code secret} (at least 32 bytes) that live {@code ttlMillis}. */
  public AccessTokens(byte[] secret, Clock clock, long ttlMillis) {
    if (secret.length < 32) {
      throw new IllegalArgumentException("the token secret needs at least 32 bytes, got " + secret.length);
    }
    if (ttlMillis <= 0) {
      throw new IllegalArgumentException("ttl must be positive");
    }
    this.key = new SecretKeySpec(secret.clone(), "HmacSHA256");
    this.clock = clock;
    this.ttlMillis = ttlMillis;
  }

  /** A fresh token for a user's session on one device. */
  public IssuedAccessToken issue(UserId user, long sessionId, String deviceId) {
    long expiresAt = clock.nowMillis() + ttlMillis;
    String payload = user.value() + ":" + sessionId + ":" + expiresAt + ":" + sanitize(deviceId);
    String encoded = ENCODER.encodeToString(payload.getBytes(StandardCharsets.UTF_8));
    return new IssuedAccessToken(VERSION + "." + encoded + "." + sign(encoded), expiresAt);
  }

  /**
   * Who a token belongs to.
   *
   * @throws ChatException UNAUTHENTICATED when missing, malformed or forged; TOKEN_EXPIRED when merely old
   */
  public VerifiedToken verify(String token) {
    if (token == null || token.isEmpty()) {
      throw new ChatException(ErrorCode.UNAUTHENTICATED, "missing access token; log in or refresh to get one");
    }
    if (token.length() > MAX_TOKEN_CHARS) {
      throw malformed();
    }
    int first = token.indexOf('.');
    int last = token.lastIndexOf('.');
    if (first < 0 || first == last || !token.substring(0, first).equals(VERSION)) {
      throw malformed();
    }
    String encoded = token.substring(first + 1, last);
    byte[] expected = sign(encoded).getBytes(StandardCharsets.US_ASCII);
    byte[] actual = token.substring(last + 1).getBytes(StandardCharsets.US_ASCII);
    if (!MessageDigest.isEqual(expected, actual)) {
      throw malformed();
    }
    String[] parts;
    try {
      parts = new String(DECODER.decode(encoded), StandardCharsets.UTF_8).split(":", 4);
    } catch (IllegalArgumentException e) {
      throw malformed();
    }
    if (parts.length != 4) {
      throw malformed();
    }
    try {
      long expiresAt = Long.parseLong(parts[2]);
      if (clock.nowMillis() >= expiresAt) {
        throw new ChatException(ErrorCode.TOKEN_EXPIRED, "access token expired; refresh it with your refresh token");
      }
      return new VerifiedToken(new Principal(UserId.of(Long.parseLong(parts[0])), parts[3]),
          Long.parseLong(parts[1]), expiresAt);
    } catch (IllegalArgumentException e) {
      throw malformed();
    }
  }

  private String sign(String encodedPayload) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return ENCODER.encodeToString(mac.doFinal(encodedPayload.getBytes(StandardCharsets.US_ASCII)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is unavailable in this JVM", e);
    }
  }

  private static String sanitize(String deviceId) {
    // The device id ends the payload, so it may hold ':'; bound it so tokens stay small.
    String value = deviceId == null ? "" : deviceId;
    return value.length() > 64 ? value.substring(0, 64) : value;
  }

  private static ChatException malformed() {
    return new ChatException(ErrorCode.UNAUTHENTICATED, "invalid access token; log in again");
  }

  /** A token and when it stops working. */
  public record IssuedAccessToken(String token, long expiresAtMillis) {}

  /** What a valid token says. */
  public record VerifiedToken(Principal principal, long sessionId, long expiresAtMillis) {}
}
