package io.senchat.store.internal;

import io.senchat.domain.common.ChatException;
import io.senchat.domain.common.ErrorCode;
import java.util.Locale;

/** The one normalisation of usernames, so that registration, login and lookup agree. */
public final class Usernames {

  private Usernames() {
  }

  /** {@code username} trimmed and lower-cased, or a VALIDATION failure when it cannot be a username. */
  public static String normalize(String username) {
    String normalized = normalizeOrNull(username);
    if (normalized == null) {
      throw new ChatException(ErrorCode.VALIDATION,
          "username must be 1-64 characters of a-z, 0-9, '.', '_' or '-'");
    }
    return normalized;
  }

  /** Like {@link #normalize} but null instead of a failure (for lookups, where a bad name simply finds nothing). */
  public static String normalizeOrNull(String username) {
    if (username == null) {
      return null;
    }
    String normalized = username.trim().toLowerCase(Locale.ROOT);
    if (normalized.isEmpty() || normalized.length() > 64) {
      return null;
    }
    for (int i = 0; i < normalized.length(); i++) {
      char c = normalized.charAt(i);
      boolean ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
      if (!ok) {
        return null;
      }
    }
    return normalized;
  }
}
