package io.senchat.domain.rules;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.senchat.domain.common.ChatException;
import io.senchat.domain.common.ErrorCode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class UserValidatorTest {

  @ParameterizedTest
  @ValueSource(strings = {"bob", "bob_smith", "b.o.b", "_x_", "a1b2c3", "abcdefghijklmnopqrstuvwxyz012345"})
  void acceptsValidUsernames(String username) {
    assertTrue(UserValidator.isValidUsername(username));
    assertDoesNotThrow(() -> UserValidator.validateUsername(username));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "ab", "abcdefghijklmnopqrstuvwxyz0123456", "Bob", "bob smith", "bob-smith", "bób",
      ".bob", "bob.", "bo..b", "all", "b@b"})
  void rejectsInvalidUsernames(String username) {
    assertFalse(UserValidator.isValidUsername(username));
    ChatException e = assertThrows(ChatException.class, () -> UserValidator.validateUsername(username));
    assertEquals(ErrorCode.VALIDATION, e.code());
    assertTrue(e.getMessage().contains("username"), e.getMessage());
  }

  @Test
  void usernameLengthEdgesAre3And32() {
    assertFalse(UserValidator.isValidUsername("ab"));
    assertTrue(UserValidator.isValidUsername("abc"));
    assertTrue(UserValidator.isValidUsername("a".repeat(32)));
    assertFalse(UserValidator.isValidUsername("a".repeat(33)));
  }

  @Test
  void normalizingLowerCasesAsciiRegardlessOfLocale() {
    assertEquals("bob.smith", UserValidator.normalizeUsername("BOB.Smith"));
  }

  @Test
  void displayNameOf64CodePointsIsAcceptedAnd65Rejected() {
    assertDoesNotThrow(() -> UserValidator.validateDisplayName("😀".repeat(64)));
    ChatException e = assertThrows(ChatException.class, () -> UserValidator.validateDisplayName("a".repeat(65)));
    assertTrue(e.getMessage().contains("64"), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "\u3164", "\u200B\u00A0", "two\nlines", "tab\there", "evil\u202Eeman", "nul\u0000"})
  void displayNameMustBeVisibleSingleLineAndUnspoofable(String name) {
    assertThrows(ChatException.class, () -> UserValidator.validateDisplayName(name));
  }

  @Test
  void displayNameMayUseAnyScript() {
    assertDoesNotThrow(() -> UserValidator.validateDisplayName("Nguyễn Văn Ánh 🌸"));
  }

  @Test
  void mentionShapeIsAnAtSignAndAUsernameInAnyCase() {
    assertTrue(UserValidator.isMentionShape("hi @BoB.x", 3, 9));
    assertFalse(UserValidator.isMentionShape("hi @bo", 3, 6));
    assertFalse(UserValidator.isMentionShape("hi bob", 2, 6));
    assertFalse(UserValidator.isMentionShape("@bob", 0, 5));
    assertFalse(UserValidator.isMentionShape("@b-ob", 0, 5));
    assertFalse(UserValidator.isMentionShape("@" + "a".repeat(33), 0, 34));
  }
}
