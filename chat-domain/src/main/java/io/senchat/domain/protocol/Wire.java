package io.senchat.domain.protocol;

import io.senchat.domain.common.ChatException;
import io.senchat.domain.common.ErrorCode;
import io.senchat.domain.protocol.json.JsonNumber;
import io.senchat.domain.rules.Limits;

/** Format checks and conversions shared by the frame records and the JSON mappers. */
final class Wire {

  private Wire() {
  }

  /** True for 1..max characters of {@code [A-Za-z0-9._:-]}: safe in logs, URLs, headers and database keys. */
  static boolean isIdToken(String s, int max) {
    if (s == null || s.isEmpty() || s.length() > max) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || c == '.' || c == '_' || c == ':' || c == '-';
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /** True for a client id as the send rules define it: 1..64 characters of {@code [A-Za-z0-9_-]}. */
  static boolean isClientId(String s) {
    if (s == null || s.isEmpty() || s.length() > Limits.MAX_CLIENT_ID_CHARS) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /** Throws {@link IllegalArgumentException} unless the client id is valid; {@code ""} passes when optional. */
  static void checkClientId(String field, String value, boolean optional) {
    if (value == null) {
      throw new IllegalArgumentException(field + ": must not be null");
    }
    if (!(optional && value.isEmpty()) && !isClientId(value)) {
      throw new IllegalArgumentException(field + ": must be 1.." + Limits.MAX_CLIENT_ID_CHARS
          + " characters of [A-Za-z0-9_-]");
    }
  }

  /** True for {@code min..max} characters in the ASCII range {@code lowest..'~'}. */
  static boolean isAscii(String s, char lowest, int min, int max) {
    if (s == null || s.length() < min || s.length() > max) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < lowest || c > '~') {
        return false;
      }
    }
    return true;
  }

  /** Throws {@link IllegalArgumentException} unless the id token is valid; {@code ""} passes when optional. */
  static void checkIdToken(String field, String value, boolean optional) {
    if (value == null) {
      throw new IllegalArgumentException(field + ": must not be null");
    }
    if (!(optional && value.isEmpty()) && !isIdToken(value, ProtocolLimits.MAX_ID_CHARS)) {
      throw new IllegalArgumentException(field + ": must be 1.." + ProtocolLimits.MAX_ID_CHARS
          + " characters of [A-Za-z0-9._:-]");
    }
  }

  static void checkNonNull(String field, Object value) {
    if (value == null) {
      throw new IllegalArgumentException(field + ": must not be null");
    }
  }

  static void checkNonNegative(String field, long value) {
    if (value < 0) {
      throw new IllegalArgumentException(field + ": must not be negative");
    }
  }

  static void checkPositive(String field, long value) {
    if (value <= 0) {
      throw new IllegalArgumentException(field + ": must be positive");
    }
  }

  /** A JSON number for an integer a JavaScript peer can read exactly; anything larger is a bug of the sender. */
  static JsonNumber number(long value) {
    if (value > ProtocolLimits.MAX_SAFE_INTEGER || value < -ProtocolLimits.MAX_SAFE_INTEGER) {
      throw new IllegalArgumentException("integer beyond 2^53 - 1 cannot go on the wire: " + value);
    }
    return JsonNumber.of(value);
  }

  /** Like {@link #number(long)} for a field that must not be negative; names the field when it is. */
  static JsonNumber nonNegative(String field, long value) {
    checkNonNegative(field, value);
    return number(value);
  }

  /**
   * Converts an invariant violation met while decoding into the protocol's error. Frame records word their messages
   * {@code "field: problem"}; those become {@code "path.field: problem"}, like the reader's own messages.
   */
  static ChatException badFrame(String path, IllegalArgumentException e) {
    String message = String.valueOf(e.getMessage());
    int i = 0;
    while (i < message.length() && isAsciiLetter(message.charAt(i))) {
      i++;
    }
    boolean namesField = i > 0 && message.startsWith(": ", i);
    return new ChatException(ErrorCode.BAD_FRAME, path + (namesField ? "." : ": ") + message);
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  /** Cuts attacker-controlled text echoed in error messages. */
  static String abbreviate(String s) {
    return s.length() <= 64 ? s : s.substring(0, 64) + "...";
  }
}
