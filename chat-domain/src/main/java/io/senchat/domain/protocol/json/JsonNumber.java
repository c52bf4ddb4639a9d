package io.senchat.domain.protocol.json;

import io.senchat.domain.common.ChatException;
import io.senchat.domain.common.ErrorCode;

/**
 * A JSON number kept as its literal text, so that no precision is lost and no floating-point parsing happens.
 * Equality is literal: {@code 1}, {@code 1.0} and {@code 1e0} are different values.
 *
 * @param literal the number exactly as written, valid by the JSON grammar
 */
public record JsonNumber(String literal) implements JsonValue {

  private static final String MAX_LONG_DIGITS = "9223372036854775807";
  private static final String MIN_LONG_DIGITS = "9223372036854775808";

  public JsonNumber {
    if (literal == null || scan(literal, 0) != literal.length()) {
      throw new IllegalArgumentException("not a JSON number literal: " + literal);
    }
  }

  /** The number with this integer value. */
  public static JsonNumber of(long value) {
    return new JsonNumber(Long.toString(value));
  }

  /**
   * True when the literal is written as an integer (no fraction, no exponent) that fits in a {@code long}.
   * {@code 1.0} and {@code 1e2} are deliberately not integral: peers must write integers as integers.
   */
  public boolean isIntegral() {
    int digitsStart = literal.charAt(0) == '-' ? 1 : 0;
    for (int i = digitsStart; i < literal.length(); i++) {
      char c = literal.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    int digits = literal.length() - digitsStart;
    if (digits != MAX_LONG_DIGITS.length()) {
      return digits < MAX_LONG_DIGITS.length();
    }
    String limit = digitsStart == 1 ? MIN_LONG_DIGITS : MAX_LONG_DIGITS;
    return literal.substring(digitsStart).compareTo(limit) <= 0;
  }

  /** The integer value; a {@link ChatException} with {@link ErrorCode#BAD_FRAME} when not {@link #isIntegral()}. */
  public long longValue() {
    if (!isIntegral()) {
      throw new ChatException(ErrorCode.BAD_FRAME, "not an integer that fits in 64 bits: " + abbreviated());
    }
    // Cannot throw: the literal is a grammar-checked integer without leading zeros, within range.
    return Long.parseLong(literal);
  }

  @Override
  public String typeName() {
    return "number";
  }

  @Override
  public String toString() {
    return literal;
  }

  private String abbreviated() {
    return literal.length() <= 32 ? literal : literal.substring(0, 32) + "...";
  }

  /**
   * Scans the longest JSON number starting at {@code start}. Returns the index after it, or {@code -(p + 1)} where
   * {@code p} is the offset of the first offending character (or the text's length at a premature end).
   */
  static int scan(String text, int start) {
    int n = text.length();
    int i = start;
    if (i < n && text.charAt(i) == '-') {
      i++;
    }
    if (i >= n) {
      return -(i + 1);
    }
    char first = text.charAt(i);
    if (first == '0') {
      i++;
      if (i < n && isDigit(text.charAt(i))) {
        return -(i + 1);
      }
    } else if (first >= '1' && first <= '9') {
      i = skipDigits(text, i);
    } else {
      return -(i + 1);
    }
    if (i < n && text.charAt(i) == '.') {
      i++;
      if (i >= n || !isDigit(text.charAt(i))) {
        return -(i + 1);
      }
      i = skipDigits(text, i);
    }
    if (i < n && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
      i++;
      if (i < n && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
        i++;
      }
      if (i >= n || !isDigit(text.charAt(i))) {
        return -(i + 1);
      }
      i = skipDigits(text, i);
    }
    return i;
  }

  private static int skipDigits(String text, int i) {
    while (i < text.length() && isDigit(text.charAt(i))) {
      i++;
    }
    return i;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
