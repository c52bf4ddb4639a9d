package io.senchat.store.auth;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.senchat.domain.common.ChatException;
import org.junit.jupiter.api.Test;

/** Argon2id hashing in PHC format; no database needed. */
class PasswordHasherTest {

  private final PasswordHasher fast = PasswordHasher.argon2id(Argon2Settings.forTests());

  @Test
  void owaspDefaultsProducePhcStringsThatVerify() {
    PasswordHasher owasp = PasswordHasher.argon2id(Argon2Settings.OWASP);
    String hash = owasp.hash("correct horse battery staple");
    assertTrue(hash.matches("\\$argon2id\\$v=19\\$m=19456,t=2,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}"), hash);
    assertTrue(owasp.verify("correct horse battery staple", hash));
    assertFalse(owasp.verify("correct horse battery stapl", hash));
    assertFalse(owasp.needsRehash(hash));
  }

  @Test
  void saltsEveryHash() {
    assertNotEquals(fast.hash("same password"), fast.hash("same password"));
  }

  @Test
  void flagsOtherParametersForRehash() {
    String weak = fast.hash("some password");
    assertTrue(PasswordHasher.argon2id(Argon2Settings.OWASP).needsRehash(weak));
    assertFalse(fast.needsRehash(weak));
    assertTrue(fast.needsRehash("$2a$10$bcrypt-style"));
  }

  @Test
  void rejectsGarbageWithoutThrowing() {
    for (String bad : new String[] {null, "", "$argon2id$", "$argon2id$v=19$m=64,t=1,p=1$!!$!!",
        "$argon2id$v=19$m=99999999,t=1,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc",
        "$argon2i$v=19$m=64,t=1,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc"}) {
      assertFalse(fast.verify("password", bad), String.valueOf(bad));
    }
    assertFalse(fast.verify(null, fast.hash("password1")));
  }

  @Test
  void enforcesPasswordLength() {
    assertThrows(ChatException.class, () -> fast.hash("short"));
    assertThrows(ChatException.class, () -> fast.hash("x".repeat(PasswordHasher.MAX_PASSWORD_LENGTH + 1)));
    assertFalse(fast.verify("x".repeat(PasswordHasher.MAX_PASSWORD_LENGTH + 1), fast.hash("password1")));
  }
}
