package io.senchat.server.auth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.senchat.domain.common.ChatException;
import io.senchat.domain.common.ErrorCode;
import io.senchat.domain.user.UserId;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AccessTokensTest {

  private final AtomicLong now = new AtomicLong(1_000_000);
  private final AccessTokens tokens = new AccessTokens(new byte[32], now::get, 60_000);

  @Test
  void issuedTokenVerifiesToItsUserSessionAndDevice() {
    String token = tokens.issue(UserId.of(42), 7, "phone:1").token();

    AccessTokens.VerifiedToken verified = tokens.verify(token);

    assertEquals(UserId.of(42), verified.principal().userId());
    assertEquals("phone:1", verified.principal().deviceId());
    assertEquals(7, verified.sessionId());
  }

  @Test
  void expiredTokenSaysExpiredNotInvalid() {
    String token = tokens.issue(UserId.of(42), 7, "").token();
    now.addAndGet(60_000);

    assertEquals(ErrorCode.TOKEN_EXPIRED, assertThrows(ChatException.class, () -> tokens.verify(token)).code());
  }

  @Test
  void tamperedForgedOrGarbageTokensAreUnauthenticated() {
    String token = tokens.issue(UserId.of(42), 7, "").token();
    String otherKey = new AccessTokens(filled(1), now::get, 60_000).issue(UserId.of(42), 7, "").token();
    String payloadSwapped = tokens.issue(UserId.of(1), 7, "").token().split("\\.")[1];
    String[] parts = token.split("\\.");

    for (String bad : new String[] {"", "v1", "v1..", "v2." + parts[1] + "." + parts[2], otherKey,
        "v1." + payloadSwapped + "." + parts[2], token + "x", "v1.%%%." + parts[2], "x".repeat(5000)}) {
      assertEquals(ErrorCode.UNAUTHENTICATED, assertThrows(ChatException.class, () -> tokens.verify(bad)).code(),
          bad);
    }
  }

  @Test
  void secretFileIsCreatedOnceAndReused(@TempDir Path dir) {
    Path file = dir.resolve("sub/token-secret");

    byte[] first = TokenSecret.load("", file);
    byte[] second = TokenSecret.load(null, file);

    assertEquals(32, first.length);
    assertArrayEquals(first, second);
    assertThrows(IllegalArgumentException.class, () -> TokenSecret.load("abcd", file));
  }

  private static byte[] filled(int value) {
    byte[] bytes = new byte[32];
    java.util.Arrays.fill(bytes, (byte) value);
    return bytes;
  }
}
