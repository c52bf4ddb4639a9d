package io.senchat.domain.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.senchat.domain.Randomized;
import org.junit.jupiter.api.Test;

class TextsTest {

  @Test
  void codePointCountCountsASurrogatePairOnce() {
    assertEquals(0, Texts.codePointCount(""));
    assertEquals(3, Texts.codePointCount("abc"));
    assertEquals(1, Texts.codePointCount("😀"));
    assertEquals(2, "😀".length());
    assertEquals(4, Texts.codePointCount("a😀b😀"));
  }

  @Test
  void codePointCountCountsALoneSurrogateOnce() {
    assertEquals(2, Texts.codePointCount("\uD83Dx"));
    assertEquals(1, Texts.codePointCount("\uDE00"));
  }

  @Test
  void codePointCountAgreesWithTheJdkOnRandomStrings() {
    Randomized.forAll(1000, random -> {
      String s = Randomized.anyText(random, 40, "ab \uD83D\uDE00");
      assertEquals(s.codePointCount(0, s.length()), Texts.codePointCount(s), s);
    });
  }

  @Test
  void whitespaceTableAgreesWithTheJdkForEveryChar() {
    for (int c = 0; c <= 0xFFFF; c++) {
      assertEquals(Character.isWhitespace((char) c), Texts.isWhitespace((char) c), "U+" + Integer.toHexString(c));
    }
  }

  @Test
  void wordCharsIncludeLettersOfAnyBmpScriptButNotPunctuationOrEmoji() {
    for (char c : "aZ09_éĐươ中あКا".toCharArray()) {
      assertTrue(Texts.isWordChar(c), "word char: " + c);
    }
    for (char c : " .,;:!?@#()[]{}'\"/\\-*`\u00A0\u2014\u201C\u3001\uFF01\u200B\u3164×".toCharArray()) {
      assertFalse(Texts.isWordChar(c), "not a word char: U+" + Integer.toHexString(c));
    }
    assertFalse(Texts.isWordChar("😀".charAt(0)));
    assertFalse(Texts.isWordChar("😀".charAt(1)));
  }

  @Test
  void blankIncludesInvisibleFillers() {
    assertTrue(Texts.isBlank(""));
    assertTrue(Texts.isBlank(" \t\n\u00A0\u200B\u3164\uFEFF"));
    assertFalse(Texts.isBlank(" x "));
  }

  @Test
  void wellFormedRejectsNulAndUnpairedSurrogates() {
    assertTrue(Texts.isWellFormed("héllo 😀"));
    assertFalse(Texts.isWellFormed("a\u0000b"));
    assertFalse(Texts.isWellFormed("\uD83D"));
    assertFalse(Texts.isWellFormed("\uDE00\uD83D"));
    assertFalse(Texts.isWellFormed("x\uD83Dy"));
  }

  @Test
  void asciiLowerCaseLeavesNonAsciiAloneAndReturnsTheSameStringWhenUnchanged() {
    assertEquals("bob_smith.İ", Texts.asciiLowerCase("BoB_Smith.İ"));
    String lower = "already";
    assertSame(lower, Texts.asciiLowerCase(lower));
  }

  @Test
  void regionEqualsIgnoresAsciiCaseAndRespectsBounds() {
    assertTrue(Texts.regionEqualsIgnoreAsciiCase("see HTTPS://x", 4, "https://"));
    assertFalse(Texts.regionEqualsIgnoreAsciiCase("https:/", 0, "https://"));
    assertFalse(Texts.regionEqualsIgnoreAsciiCase("abc", -1, "a"));
  }
}
