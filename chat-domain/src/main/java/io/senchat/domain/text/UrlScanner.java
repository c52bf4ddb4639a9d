package io.senchat.domain.text;

import io.senchat.domain.common.Texts;

/**
 * Finds auto-linked URLs: {@code http://} or {@code https://} (any case) at a word boundary, followed by a
 * host that starts with a letter or digit. Only these two schemes are ever recognised, so {@code javascript:}
 * and {@code data:} stay text. Shared by mention parsing (which skips URLs, so {@code /@bob} in a link is not a
 * mention) and rich text (which links them), so both sides agree on where a URL ends.
 */
final class UrlScanner {

  private UrlScanner() {
  }

  /**
   * The exclusive end of the URL starting at {@code start}, or -1 when none starts there. The URL stops at
   * whitespace, at characters that cannot appear in one, at {@code limit}, and drops trailing punctuation that
   * belongs to the sentence ("see https://x.org." or "(https://x.org)").
   */
  static int urlEnd(String text, int start, int limit) {
    if (start > 0 && Texts.isWordChar(text.charAt(start - 1))) {
      return -1;
    }
    int hostStart;
    if (Texts.regionEqualsIgnoreAsciiCase(text, start, "https://")) {
      hostStart = start + 8;
    } else if (Texts.regionEqualsIgnoreAsciiCase(text, start, "http://")) {
      hostStart = start + 7;
    } else {
      return -1;
    }
    if (hostStart >= limit || !Texts.isWordChar(text.charAt(hostStart)) || text.charAt(hostStart) == '_') {
      return -1;
    }
    int end = hostStart;
    int opens = 0;
    int closes = 0;
    while (end < limit && isUrlChar(text.charAt(end))) {
      char c = text.charAt(end);
      if (c == '(') {
        opens++;
      } else if (c == ')') {
        closes++;
      }
      end++;
    }
    while (end > hostStart) {
      char last = text.charAt(end - 1);
      if (".,;:!?'\"*_".indexOf(last) >= 0) {
        end--;
      } else if (last == ')' && closes > opens) {
        closes--;
        end--;
      } else {
        break;
      }
    }
    return end;
  }

  private static boolean isUrlChar(char c) {
    if (c < 0x80) {
      return Texts.isAsciiLetterOrDigit(c) || "-._~:/?#[]@!$&'()*+,;=%".indexOf(c) >= 0;
    }
    // Letters of any script (IRIs such as Vietnamese Wikipedia paths); emoji and symbols end the URL.
    return Texts.isWordChar(c);
  }
}
