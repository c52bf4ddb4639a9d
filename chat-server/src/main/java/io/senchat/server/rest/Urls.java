package io.senchat.server.rest;

import io.senchat.domain.common.ChatException;
import io.senchat.domain.common.ErrorCode;
import io.senchat.domain.rules.Limits;
import java.util.Locale;

/** Checks URLs that clients will load (avatars): only http(s) or a path on this server, as the protocol says. */
final class Urls {

  private Urls() {}

  /** VALIDATION unless {@code url} is {@code ""} (none), {@code http(s)://...} or {@code /path}. */
  static void validateImageUrl(String field, String url) {
    if (url.isEmpty()) {
      return;
    }
    String lower = url.toLowerCase(Locale.ROOT);
    boolean path = url.startsWith("/") && !url.startsWith("//");
    boolean web = lower.startsWith("https://") || lower.startsWith("http://");
    boolean clean = true;
    for (int i = 0; i < url.length() && clean; i++) {
      char c = url.charAt(i);
      clean = c > ' ' && c < 0x7f;
    }
    if (!(path || web) || !clean || url.length() > Limits.MAX_URL_CHARS) {
      throw new ChatException(ErrorCode.VALIDATION, field + " must be an http(s) URL or a path starting with '/', "
          + "at most " + Limits.MAX_URL_CHARS + " characters without spaces");
    }
  }
}
