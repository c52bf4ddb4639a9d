package io.senchat.domain.rules;

import static io.senchat.domain.rules.Violations.require;

import io.senchat.domain.common.Texts;

/** Rules for usernames and display names; failures throw {@code ChatException(VALIDATION)}. */
public final class UserValidator {

  /** Reserved because {@code @all} mentions every member of a group. */
  public static final String RESERVED_ALL = "all";

  private UserValidator() {
  }

  /** True for the characters a username is made of: {@code [a-z0-9_.]}. */
  public static boolean isUsernameChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.';
  }

  /**
   * True when {@code text[start, end)} has the shape of a mention: '@' followed by 3..32 username characters in
   * any case. Whether the name belongs to a member is not checked.
   */
  public static boolean isMentionShape(String text, int start, int end) {
    int nameLength = end - start - 1;
    if (start < 0 || end > text.length() || nameLength < Limits.MIN_USERNAME_CHARS
        || nameLength > Limits.MAX_USERNAME_CHARS || text.charAt(start) != '@') {
      return false;
    }
    for (int i = start + 1; i < end; i++) {
      if (!isUsernameChar(Texts.asciiLowerCase(text.charAt(i)))) {
        return false;
      }
    }
    return true;
  }

  /** Lower-cases ASCII letters, which is how usernames typed in any case are looked up. */
  public static String normalizeUsername(String username) {
    return Texts.asciiLowerCase(username);
  }

  /**
   * True when {@code username} is 3..32 of {@code [a-z0-9_.]}, neither starts nor ends with '.', has no "..",
   * and is not {@value #RESERVED_ALL}. A trailing '.' is excluded because mention parsing drops it as sentence
   * punctuation ("thanks @bob.").
   */
  public static boolean isValidUsername(String username) {
    return usernameProblem(username) == null;
  }

  public static void validateUsername(String username) {
    String problem = usernameProblem(username);
    require(problem == null, problem);
  }

  private static String usernameProblem(String u) {
    if (u == null) {
      return "username is required";
    }
    if (u.length() < Limits.MIN_USERNAME_CHARS || u.length() > Limits.MAX_USERNAME_CHARS) {
      return "username must be " + Limits.MIN_USERNAME_CHARS + " to " + Limits.MAX_USERNAME_CHARS
          + " characters long, got " + u.length();
    }
    for (int i = 0; i < u.length(); i++) {
      char c = u.charAt(i);
      if (!isUsernameChar(c)) {
        return "username may contain only a-z, 0-9, '_' and '.'";
      }
      if (c == '.' && (i == 0 || i == u.length() - 1 || u.charAt(i - 1) == '.')) {
        return "username must not start or end with '.' nor contain \"..\"";
      }
    }
    if (u.equals(RESERVED_ALL)) {
      return "username \"" + RESERVED_ALL + "\" is reserved for @all mentions";
    }
    return null;
  }

  /** A display name is 1..64 code points, not blank, without control or bidi-override characters. */
  public static void validateDisplayName(String displayName) {
    validateName("display name", displayName, Limits.MAX_DISPLAY_NAME_CHARS);
  }

  /** Shared by display names and group titles: both are single-line labels shown next to messages. */
  static void validateName(String field, String value, int maxCodePoints) {
    require(value != null && !Texts.isBlank(value), field + " must not be blank");
    require(Texts.isWellFormed(value), field + " contains an invalid character");
    int length = Texts.codePointCount(value);
    require(length <= maxCodePoints,
        field + " must be at most " + maxCodePoints + " characters, got " + length);
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      require(!Texts.isControl(c), field + " must be a single line without control characters");
      require(!Texts.isBidiControl(c), field + " must not contain bidirectional override characters");
    }
  }
}
