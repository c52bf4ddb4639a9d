package io.senchat.domain.common;

/**
 * Character classification and counting that give the same answer on the JVM and in GWT's JavaScript.
 *
 * <p>GWT emulates {@code Character.isLetterOrDigit}, {@code isLetter} and {@code isDigit} with ASCII-only
 * regular expressions, so the server and the browser would disagree about {@code é} or {@code 中}. Rules that
 * must agree on both sides (mention boundaries, emphasis flanking, link ends) use these methods instead.
 */
public final class Texts {

  private Texts() {
  }

  /** Number of code points; a surrogate pair counts once and a lone surrogate counts once. */
  public static int codePointCount(String s) {
    int count = 0;
    int n = s.length();
    for (int i = 0; i < n; i++) {
      if (Character.isHighSurrogate(s.charAt(i)) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
        i++;
      }
      count++;
    }
    return count;
  }

  /** Java's {@code Character.isWhitespace} set, written out so both platforms use exactly the same table. */
  public static boolean isWhitespace(char c) {
    return c == ' ' || (c >= '\t' && c <= '\r') || (c >= '\u001C' && c <= '\u001F') || c == '\u1680'
        || (c >= '\u2000' && c <= '\u2006') || (c >= '\u2008' && c <= '\u200A') || c == '\u2028' || c == '\u2029'
        || c == '\u205F' || c == '\u3000';
  }

  /**
   * True for characters that render as nothing or as plain space: whitespace, no-break spaces, zero-width
   * characters and the Hangul fillers people use to fake blank names.
   */
  public static boolean isInvisible(char c) {
    return isWhitespace(c) || c == '\u00A0' || c == '\u00AD' || c == '\u034F' || c == '\u115F' || c == '\u1160'
        || c == '\u180E' || c == '\u2007' || (c >= '\u200B' && c <= '\u200F') || c == '\u202F'
        || (c >= '\u2060' && c <= '\u2064') || c == '\u3164' || c == '\uFEFF' || c == '\uFFA0';
  }

  /** True when the string is empty or made only of {@link #isInvisible invisible} characters. */
  public static boolean isBlank(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (!isInvisible(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /** C0 and C1 control characters, including line breaks and tabs. */
  public static boolean isControl(char c) {
    return c < ' ' || (c >= '\u007F' && c <= '\u009F');
  }

  /** Bidirectional embedding, override and isolate controls, which can make a name display as another. */
  public static boolean isBidiControl(char c) {
    return (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
  }

  public static boolean isAsciiLetterOrDigit(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }

  /**
   * True for characters that belong to a word: ASCII letters, digits and '_', and BMP characters outside the
   * punctuation, symbol, invisible, private-use and surrogate ranges. Approximate by design (a few script
   * punctuation marks count as word characters, supplementary letters do not), but identical on both platforms.
   */
  public static boolean isWordChar(char c) {
    if (c < 0x80) {
      return isAsciiLetterOrDigit(c) || c == '_';
    }
    if (c < 0xC0 || c == '\u00D7' || c == '\u00F7' || isInvisible(c)) {
      return false;
    }
    return !((c >= '\u2000' && c <= '\u2BFF') // punctuation, symbols, arrows, math, dingbats, braille
        || (c >= '\u2E00' && c <= '\u2E7F') // supplemental punctuation
        || (c >= '\u3000' && c <= '\u303F') // CJK symbols and punctuation
        || (c >= '\uD800' && c <= '\uF8FF') // surrogates (emoji live here) and private use
        || (c >= '\uFE00' && c <= '\uFE6F') // variation selectors, vertical and small forms
        || (c >= '\uFF00' && c <= '\uFF0F') || (c >= '\uFF1A' && c <= '\uFF20')
        || (c >= '\uFF3B' && c <= '\uFF40') || (c >= '\uFF5B' && c <= '\uFF65') // fullwidth punctuation
        || c >= '\uFFF0');
  }

  /** True when the string has no NUL and no unpaired surrogate, so it survives UTF-8 and PostgreSQL text. */
  public static boolean isWellFormed(String s) {
    int n = s.length();
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c == '\u0000' || Character.isLowSurrogate(c)) {
        return false;
      }
      if (Character.isHighSurrogate(c)) {
        if (i + 1 >= n || !Character.isLowSurrogate(s.charAt(i + 1))) {
          return false;
        }
        i++;
      }
    }
    return true;
  }

  /** Lower-cases ASCII letters only, so the result never depends on the JVM's default locale. */
  public static String asciiLowerCase(String s) {
    StringBuilder out = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= 'A' && c <= 'Z') {
        if (out == null) {
          out = new StringBuilder(s.length()).append(s, 0, i);
        }
        out.append(asciiLowerCase(c));
      } else if (out != null) {
        out.append(c);
      }
    }
    return out == null ? s : out.toString();
  }

  /** Lower-cases an ASCII letter; any other character is returned unchanged. */
  public static char asciiLowerCase(char c) {
    return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
  }

  /** True when {@code s} has {@code prefix} at {@code offset}, comparing ASCII letters case-insensitively. */
  public static boolean regionEqualsIgnoreAsciiCase(String s, int offset, String prefix) {
    if (offset < 0 || offset + prefix.length() > s.length()) {
      return false;
    }
    for (int i = 0; i < prefix.length(); i++) {
      char a = s.charAt(offset + i);
      char b = prefix.charAt(i);
      if (a != b && asciiLowerCase(a) != asciiLowerCase(b)) {
        return false;
      }
    }
    return true;
  }
}
