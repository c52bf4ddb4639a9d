package io.senchat.domain.text;

import io.senchat.domain.common.Texts;
import io.senchat.domain.message.Mention;
import io.senchat.domain.rules.Limits;
import io.senchat.domain.rules.UserValidator;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns message text into {@link RichToken}s: {@code *bold*}, {@code _italic_}, {@code `code`}, auto-linked
 * http(s) URLs, mentions (from the message's mention ranges) and line breaks. It never produces HTML.
 *
 * <p>Rules: mentions win over everything, then code spans, then URLs, then emphasis. A code span is a backtick
 * pair on one line with something between. Emphasis opens on a marker that is not preceded by a word character
 * and is followed by a non-space, closes on the nearest same marker on the same line that is preceded by a
 * non-space and not followed by a word character (so {@code snake_case} and {@code 2*3*4} stay literal), and
 * may not cross a code span, link or mention. Anything unterminated stays literal text. Nesting is bounded by
 * construction: a span ends at the nearest valid closer of its marker, so it can never contain a span of the same
 * marker, and depth is at most the number of markers (two).
 *
 * <p>Parsing is linear: one pass finds code spans, links and mentions, tables of "next valid closer" are built
 * right to left, and every character is then visited once by the innermost span that contains it.
 */
public final class RichText {

  private static final byte NONE = 0;
  private static final byte MENTION = 1;
  private static final byte CODE = 2;
  private static final byte LINK = 3;

  private final String text;
  private final int n;
  /** Kind of the atom (mention, code span, link) starting at each index. */
  private final byte[] atomKind;
  /** Exclusive end of the atom starting at each index. */
  private final int[] atomEnd;
  private final Mention[] mentionAt;
  private final int[] nextNewline;
  private final int[] nextStarCloser;
  private final int[] nextUnderscoreCloser;

  private RichText(String text, List<Mention> mentions) {
    this.text = text;
    this.n = text.length();
    this.atomKind = new byte[n];
    this.atomEnd = new int[n];
    this.mentionAt = new Mention[n];
    this.nextNewline = new int[n + 1];
    this.nextStarCloser = new int[n + 2];
    this.nextUnderscoreCloser = new int[n + 2];
    placeMentions(mentions);
    boolean[] inAtom = findAtoms();
    buildCloserTables(inAtom);
  }

  /** Tokenises {@code text}; {@code mentions} are the message's ranges (invalid or overlapping ones are ignored). */
  public static List<RichToken> parse(String text, List<Mention> mentions) {
    if (text.isEmpty()) {
      return List.of();
    }
    RichText parser = new RichText(text, mentions);
    return parser.tokens(0, parser.n);
  }

  /** Tokenises text without mentions. */
  public static List<RichToken> parse(String text) {
    return parse(text, List.of());
  }

  /** The text a reader sees, without markers: for notification previews and accessibility labels. */
  public static String plainText(List<RichToken> tokens) {
    StringBuilder out = new StringBuilder();
    appendPlain(tokens, out);
    return out.toString();
  }

  private static void appendPlain(List<RichToken> tokens, StringBuilder out) {
    for (RichToken token : tokens) {
      if (token instanceof RichToken.Text t) {
        out.append(t.text());
      } else if (token instanceof RichToken.Bold b) {
        appendPlain(b.children(), out);
      } else if (token instanceof RichToken.Italic it) {
        appendPlain(it.children(), out);
      } else if (token instanceof RichToken.Code c) {
        out.append(c.literal());
      } else if (token instanceof RichToken.Link l) {
        out.append(l.label());
      } else if (token instanceof RichToken.MentionToken m) {
        out.append(m.label());
      } else {
        out.append('\n');
      }
    }
  }

  /** Keeps mentions that lie inside the text, read '@' and a username, and do not overlap earlier ones. */
  private void placeMentions(List<Mention> mentions) {
    for (Mention mention : mentions) {
      int start = mention.start();
      int end = start + mention.length();
      if (UserValidator.isMentionShape(text, start, end) && !overlapsPlaced(start, end)) {
        mentionAt[start] = mention;
        atomKind[start] = MENTION;
        atomEnd[start] = end;
      }
    }
  }

  private boolean overlapsPlaced(int start, int end) {
    // A placed mention is at most '@' plus a longest username, so only that far back can one start and overlap.
    for (int i = Math.max(0, start - 1 - Limits.MAX_USERNAME_CHARS); i < end; i++) {
      if (atomKind[i] == MENTION && atomEnd[i] > start) {
        return true;
      }
    }
    return false;
  }

  private boolean[] findAtoms() {
    int[] nextMention = new int[n + 1];
    int[] nextBacktick = new int[n + 1];
    nextMention[n] = n;
    nextBacktick[n] = n;
    nextNewline[n] = n;
    for (int i = n - 1; i >= 0; i--) {
      char c = text.charAt(i);
      nextMention[i] = atomKind[i] == MENTION ? i : nextMention[i + 1];
      nextBacktick[i] = c == '`' ? i : nextBacktick[i + 1];
      nextNewline[i] = c == '\n' || c == '\r' ? i : nextNewline[i + 1];
    }
    boolean[] inAtom = new boolean[n];
    int i = 0;
    while (i < n) {
      int end = -1;
      if (atomKind[i] == MENTION) {
        end = atomEnd[i];
      } else if (text.charAt(i) == '`') {
        int close = nextBacktick[i + 1];
        if (close > i + 1 && close < nextNewline[i] && close < nextMention[i]) {
          atomKind[i] = CODE;
          end = close + 1;
        }
      } else if (text.charAt(i) == 'h' || text.charAt(i) == 'H') {
        int urlEnd = UrlScanner.urlEnd(text, i, nextMention[i]);
        if (urlEnd > 0) {
          atomKind[i] = LINK;
          end = urlEnd;
        }
      }
      if (end < 0) {
        i++;
        continue;
      }
      atomEnd[i] = end;
      for (int j = i; j < end; j++) {
        inAtom[j] = true;
      }
      i = end;
    }
    return inAtom;
  }

  private void buildCloserTables(boolean[] inAtom) {
    nextStarCloser[n] = n;
    nextStarCloser[n + 1] = n;
    nextUnderscoreCloser[n] = n;
    nextUnderscoreCloser[n + 1] = n;
    for (int i = n - 1; i >= 0; i--) {
      char c = text.charAt(i);
      boolean closer = !inAtom[i] && i > 0 && !Texts.isWhitespace(text.charAt(i - 1))
          && (i + 1 == n || !Texts.isWordChar(text.charAt(i + 1)));
      nextStarCloser[i] = closer && c == '*' ? i : nextStarCloser[i + 1];
      nextUnderscoreCloser[i] = closer && c == '_' ? i : nextUnderscoreCloser[i + 1];
    }
  }

  private List<RichToken> tokens(int start, int end) {
    List<RichToken> out = new ArrayList<>();
    int textStart = start;
    int i = start;
    while (i < end) {
      char c = text.charAt(i);
      if (atomKind[i] != NONE) {
        flushText(out, textStart, i);
        out.add(atom(i));
        i = atomEnd[i];
        textStart = i;
      } else if (c == '\n' || c == '\r') {
        flushText(out, textStart, i);
        out.add(RichToken.LINE_BREAK);
        i += c == '\r' && i + 1 < end && text.charAt(i + 1) == '\n' ? 2 : 1;
        textStart = i;
      } else if ((c == '*' || c == '_') && isOpener(i)) {
        int close = (c == '*' ? nextStarCloser : nextUnderscoreCloser)[i + 2];
        if (close < end && close < nextNewline[i]) {
          flushText(out, textStart, i);
          List<RichToken> children = tokens(i + 1, close);
          out.add(c == '*' ? new RichToken.Bold(children) : new RichToken.Italic(children));
          i = close + 1;
          textStart = i;
        } else {
          i++;
        }
      } else {
        i++;
      }
    }
    flushText(out, textStart, end);
    return List.copyOf(out);
  }

  private boolean isOpener(int i) {
    return (i == 0 || !Texts.isWordChar(text.charAt(i - 1))) && i + 1 < n && !Texts.isWhitespace(text.charAt(i + 1));
  }

  private RichToken atom(int i) {
    String raw = text.substring(i, atomEnd[i]);
    return switch (atomKind[i]) {
      case MENTION -> new RichToken.MentionToken(mentionAt[i].userId(), raw);
      case CODE -> new RichToken.Code(raw.substring(1, raw.length() - 1));
      default -> new RichToken.Link(raw, raw);
    };
  }

  private void flushText(List<RichToken> out, int from, int to) {
    if (to > from) {
      out.add(new RichToken.Text(text.substring(from, to)));
    }
  }
}
