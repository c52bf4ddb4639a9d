package io.senchat.domain.protocol.json;

import java.util.Map;

/**
 * Writes compact JSON that is safe to embed anywhere: besides what JSON requires, it escapes {@code < > & '}
 * (so the text cannot close a {@code <script>} element or an HTML attribute), U+2028 and U+2029 (line terminators
 * in older JavaScript) and unpaired surrogates (so the output is always well-formed UTF-16 and encodes to UTF-8
 * without loss). Everything else, including emoji, is written as is.
 */
public final class JsonWriter {

  private static final char[] HEX = {'0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'a', 'b', 'c', 'd', 'e', 'f'};

  private JsonWriter() {
  }

  /** The compact JSON text of this value. */
  public static String write(JsonValue value) {
    StringBuilder out = new StringBuilder();
    write(value, out);
    return out.toString();
  }

  /** Appends the compact JSON text of this value. */
  public static void write(JsonValue value, StringBuilder out) {
    if (value instanceof JsonObject object) {
      out.append('{');
      boolean first = true;
      for (Map.Entry<String, JsonValue> member : object.members().entrySet()) {
        if (!first) {
          out.append(',');
        }
        first = false;
        writeString(member.getKey(), out);
        out.append(':');
        write(member.getValue(), out);
      }
      out.append('}');
    } else if (value instanceof JsonArray array) {
      out.append('[');
      for (int i = 0; i < array.size(); i++) {
        if (i > 0) {
          out.append(',');
        }
        write(array.get(i), out);
      }
      out.append(']');
    } else if (value instanceof JsonString string) {
      writeString(string.value(), out);
    } else if (value instanceof JsonNumber number) {
      out.append(number.literal());
    } else if (value instanceof JsonBool bool) {
      out.append(bool.value() ? "true" : "false");
    } else if (value instanceof JsonNull) {
      out.append("null");
    } else {
      throw new IllegalArgumentException("value must not be null");
    }
  }

  /** Appends a quoted, escaped JSON string. */
  public static void writeString(String value, StringBuilder out) {
    out.append('"');
    int n = value.length();
    for (int i = 0; i < n; i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"':
          out.append("\\\"");
          break;
        case '\\':
          out.append("\\\\");
          break;
        case '\b':
          out.append("\\b");
          break;
        case '\f':
          out.append("\\f");
          break;
        case '\n':
          out.append("\\n");
          break;
        case '\r':
          out.append("\\r");
          break;
        case '\t':
          out.append("\\t");
          break;
        case '<':
        case '>':
        case '&':
        case '\'':
        case '\u2028':
        case '\u2029':
          unicodeEscape(c, out);
          break;
        default:
          if (c < 0x20) {
            unicodeEscape(c, out);
          } else if (c >= '\uD800' && c <= '\uDBFF' && i + 1 < n && isLowSurrogate(value.charAt(i + 1))) {
            out.append(c).append(value.charAt(i + 1));
            i++;
          } else if (c >= '\uD800' && c <= '\uDFFF') {
            unicodeEscape(c, out);
          } else {
            out.append(c);
          }
      }
    }
    out.append('"');
  }

  private static boolean isLowSurrogate(char c) {
    return c >= '\uDC00' && c <= '\uDFFF';
  }

  private static void unicodeEscape(char c, StringBuilder out) {
    out.append("\\u").append(HEX[(c >> 12) & 0xF]).append(HEX[(c >> 8) & 0xF]).append(HEX[(c >> 4) & 0xF])
        .append(HEX[c & 0xF]);
  }
}
