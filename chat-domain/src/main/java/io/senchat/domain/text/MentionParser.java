package io.senchat.domain.text;

import io.senchat.domain.common.Texts;
import io.senchat.domain.message.Mention;
import io.senchat.domain.rules.Limits;
import io.senchat.domain.rules.UserValidator;
import io.senchat.domain.user.UserId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Finds {@code @username} and {@code @all} in message text and resolves them against the conversation's members.
 *
 * <p>A mention is an '@' at the start of the text or after a character that is not a word character nor '@',
 * followed by 3..32 username characters ({@code [a-z0-9_.]}, any case), with trailing dots dropped as sentence
 * punctuation, and not followed by another word character or '@' (so {@code a@b.com} and {@code @bobé} are not
 * mentions). Names not in the directory are plain text. {@code @all} mentions everyone, in groups only. '@'
 * inside an auto-linked URL is never a mention. Indices are UTF-16 code units, as in {@link Mention}.
 */
public final class MentionParser {

  private static final String ALL = "all";

  private MentionParser() {
  }

  /**
   * The resolved mentions in {@code text}, in text order.
   *
   * @param directory members by lower-case username
   * @param allowAll true in groups, where {@code @all} is a mention
   */
  public static List<Mention> parse(String text, Map<String, UserId> directory, boolean allowAll) {
    List<Mention> mentions = new ArrayList<>();
    int n = text.length();
    int i = 0;
    while (i < n) {
      char c = text.charAt(i);
      if (c == 'h' || c == 'H') {
        int urlEnd = UrlScanner.urlEnd(text, i, n);
        if (urlEnd > 0) {
          i = urlEnd;
          continue;
        }
      }
      if (c != '@' || (i > 0 && !isBoundaryBefore(text.charAt(i - 1)))) {
        i++;
        continue;
      }
      int runEnd = i + 1;
      while (runEnd < n && UserValidator.isUsernameChar(Texts.asciiLowerCase(text.charAt(runEnd)))) {
        runEnd++;
      }
      int nameEnd = runEnd;
      while (nameEnd > i + 1 && text.charAt(nameEnd - 1) == '.') {
        nameEnd--;
      }
      Mention mention = resolve(text, i, nameEnd, runEnd, directory, allowAll);
      if (mention != null) {
        mentions.add(mention);
      }
      i = runEnd;
    }
    return List.copyOf(mentions);
  }

  private static Mention resolve(String text, int at, int nameEnd, int runEnd, Map<String, UserId> directory,
      boolean allowAll) {
    int length = nameEnd - at - 1;
    if (length < Limits.MIN_USERNAME_CHARS || length > Limits.MAX_USERNAME_CHARS) {
      return null;
    }
    // Only when the run ended on a non-dot character can that character glue the name to a word or an address.
    if (runEnd == nameEnd && runEnd < text.length()) {
      char next = text.charAt(runEnd);
      if (Texts.isWordChar(next) || next == '@') {
        return null;
      }
    }
    String name = Texts.asciiLowerCase(text.substring(at + 1, nameEnd));
    if (name.equals(ALL)) {
      return allowAll ? Mention.all(at, length + 1) : null;
    }
    UserId userId = directory.get(name);
    return userId == null ? null : new Mention(userId, at, length + 1);
  }

  private static boolean isBoundaryBefore(char previous) {
    return !Texts.isWordChar(previous) && previous != '@';
  }
}
