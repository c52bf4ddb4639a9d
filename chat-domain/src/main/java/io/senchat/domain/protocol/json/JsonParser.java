package io.senchat.domain.protocol.json;

import io.senchat.domain.common.ErrorCode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A strict RFC 8259 parser for untrusted input. It rejects oversized input before looking at it, stops at the
 * configured depth and entry counts, refuses duplicate member names (two parsers could disagree on which one wins)
 * and runs in time linear in the input. Every failure is a {@link JsonParseException}; nothing else escapes.
 */
public final class JsonParser {

  private final String text;
  private final JsonLimits limits;
  private int pos;

  private JsonParser(String text, JsonLimits limits) {
    this.text = text;
    this.limits = limits;
  }

  /** Parses exactly one JSON value, surrounded by optional whitespace, within these limits. */
  public static JsonValue parse(String text, JsonLimits limits) {
    if (limits == null) {
      throw new IllegalArgumentException("limits must not be null");
    }
    if (text == null) {
      throw new JsonParseException(ErrorCode.BAD_JSON, 0, "no input");
    }
    if (text.length() > limits.maxChars()) {
      throw new JsonParseException(ErrorCode.TOO_LARGE, limits.maxChars(),
          "input of " + text.length() + " characters exceeds the limit of " + limits.maxChars());
    }
    JsonParser parser = new JsonParser(text, limits);
    parser.skipWhitespace();
    JsonValue value = parser.value(0);
    parser.skipWhitespace();
    if (parser.pos < text.length()) {
      throw parser.fail("unexpected data after the JSON value");
    }
    return value;
  }

  private JsonValue value(int depth) {
    if (pos >= text.length()) {
      throw fail("unexpected end of input");
    }
    char c = text.charAt(pos);
    switch (c) {
      case '{':
        return object(depth + 1);
      case '[':
        return array(depth + 1);
      case '"':
        return new JsonString(string());
      case 't':
        return word("true", JsonBool.TRUE);
      case 'f':
        return word("false", JsonBool.FALSE);
      case 'n':
        return word("null", JsonNull.INSTANCE);
      default:
        if (c == '-' || (c >= '0' && c <= '9')) {
          return number();
        }
        throw fail("unexpected character");
    }
  }

  private JsonObject object(int depth) {
    checkDepth(depth);
    pos++;
    Map<String, JsonValue> members = new LinkedHashMap<>();
    skipWhitespace();
    if (peek() == '}') {
      pos++;
      return JsonObject.EMPTY;
    }
    while (true) {
      if (peek() != '"') {
        throw fail(pos >= text.length() ? "unexpected end of input" : "expected a member name");
      }
      int nameOffset = pos;
      String name = string();
      if (members.containsKey(name)) {
        throw new JsonParseException(ErrorCode.BAD_JSON, nameOffset, "duplicate member name");
      }
      skipWhitespace();
      expect(':');
      skipWhitespace();
      members.put(name, value(depth));
      if (members.size() > limits.maxEntries()) {
        throw new JsonParseException(ErrorCode.TOO_LARGE, nameOffset,
            "object has more than " + limits.maxEntries() + " members");
      }
      skipWhitespace();
      char c = peek();
      pos++;
      if (c == '}') {
        return new JsonObject(members);
      }
      if (c != ',') {
        pos--;
        throw fail(pos >= text.length() ? "unexpected end of input" : "expected ',' or '}'");
      }
      skipWhitespace();
    }
  }

  private JsonArray array(int depth) {
    checkDepth(depth);
    pos++;
    List<JsonValue> elements = new ArrayList<>();
    skipWhitespace();
    if (peek() == ']') {
      pos++;
      return JsonArray.EMPTY;
    }
    while (true) {
      int elementOffset = pos;
      elements.add(value(depth));
      if (elements.size() > limits.maxEntries()) {
        throw new JsonParseException(ErrorCode.TOO_LARGE, elementOffset,
            "array has more than " + limits.maxEntries() + " elements");
      }
      skipWhitespace();
      char c = peek();
      pos++;
      if (c == ']') {
        return new JsonArray(elements);
      }
      if (c != ',') {
        pos--;
        throw fail(pos >= text.length() ? "unexpected end of input" : "expected ',' or ']'");
      }
      skipWhitespace();
    }
  }

  private String string() {
    pos++;
    StringBuilder escaped = null;
    int runStart = pos;
    while (true) {
      if (pos >= text.length()) {
        throw fail("unterminated string");
      }
      char c = text.charAt(pos);
      if (c == '"') {
        String run = text.substring(runStart, pos);
        pos++;
        return escaped == null ? run : escaped.append(run).toString();
      }
      if (c == '\\') {
        if (escaped == null) {
          escaped = new StringBuilder();
        }
        escaped.append(text, runStart, pos);
        escaped.append(escape());
        runStart = pos;
      } else if (c < 0x20) {
        throw fail("unescaped control character in string");
      } else {
        pos++;
      }
    }
  }

  /** Decodes the escape sequence at {@code pos} (which holds the backslash) and moves past it. */
  private char escape() {
    pos++;
    if (pos >= text.length()) {
      throw fail("unterminated string");
    }
    char c = text.charAt(pos);
    pos++;
    switch (c) {
      case '"':
        return '"';
      case '\\':
        return '\\';
      case '/':
        return '/';
      case 'b':
        return '\b';
      case 'f':
        return '\f';
      case 'n':
        return '\n';
      case 'r':
        return '\r';
      case 't':
        return '\t';
      case 'u':
        return unicodeEscape();
      default:
        pos--;
        throw fail("invalid escape sequence");
    }
  }

  // An escaped unpaired surrogate is kept as is: JavaScript strings can hold one, and rejecting it would make
  // the two ends of the protocol disagree on what a valid string is.
  private char unicodeEscape() {
    int value = 0;
    for (int i = 0; i < 4; i++) {
      if (pos >= text.length()) {
        throw fail("unterminated string");
      }
      int digit = hexValue(text.charAt(pos));
      if (digit < 0) {
        throw fail("invalid hex digit in \\u escape");
      }
      value = value * 16 + digit;
      pos++;
    }
    return (char) value;
  }

  private static int hexValue(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    return -1;
  }

  private JsonNumber number() {
    int start = pos;
    int end = JsonNumber.scan(text, start);
    if (end < 0) {
      pos = -end - 1;
      throw fail(pos < text.length() && text.charAt(pos) >= '0' && text.charAt(pos) <= '9'
          ? "leading zeros are not allowed" : "malformed number");
    }
    pos = end;
    return new JsonNumber(text.substring(start, end));
  }

  private JsonValue word(String word, JsonValue value) {
    for (int i = 0; i < word.length(); i++) {
      if (pos >= text.length() || text.charAt(pos) != word.charAt(i)) {
        throw fail(pos >= text.length() ? "unexpected end of input" : "unexpected character");
      }
      pos++;
    }
    return value;
  }

  private void checkDepth(int depth) {
    if (depth > limits.maxDepth()) {
      throw new JsonParseException(ErrorCode.TOO_LARGE, pos, "nesting deeper than " + limits.maxDepth());
    }
  }

  private void expect(char expected) {
    if (peek() != expected) {
      throw fail(pos >= text.length() ? "unexpected end of input" : "expected '" + expected + "'");
    }
    pos++;
  }

  /** The character at {@code pos}, or U+0000 at the end (never a valid structural character). */
  private char peek() {
    return pos < text.length() ? text.charAt(pos) : '\0';
  }

  private void skipWhitespace() {
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
        return;
      }
      pos++;
    }
  }

  private JsonParseException fail(String problem) {
    return new JsonParseException(ErrorCode.BAD_JSON, pos, problem);
  }
}
