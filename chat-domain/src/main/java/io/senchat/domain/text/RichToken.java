package io.senchat.domain.text;

import io.senchat.domain.user.UserId;
import java.util.List;

/**
 * One piece of a message's rich text, as produced by {@link RichText#parse}. Renderers turn tokens into DOM
 * text nodes and elements; no token ever holds markup, and a {@link Link} only ever holds an http(s) URL.
 */
public sealed interface RichToken
    permits RichToken.Text, RichToken.Bold, RichToken.Italic, RichToken.Code, RichToken.Link,
    RichToken.MentionToken, RichToken.LineBreak {

  /** The only line break instance. */
  LineBreak LINE_BREAK = new LineBreak();

  /** Plain text, shown verbatim (as a text node: any '&lt;' stays a character). */
  record Text(String text) implements RichToken {

    public Text {
      if (text == null || text.isEmpty()) {
        throw new IllegalArgumentException("text token must not be empty");
      }
    }
  }

  /** {@code *bold*}. */
  record Bold(List<RichToken> children) implements RichToken {

    public Bold {
      children = List.copyOf(children);
    }
  }

  /** {@code _italic_}. */
  record Italic(List<RichToken> children) implements RichToken {

    public Italic {
      children = List.copyOf(children);
    }
  }

  /** {@code `code`}: the literal between the backticks, no formatting inside. */
  record Code(String literal) implements RichToken {

    public Code {
      if (literal == null) {
        throw new IllegalArgumentException("code literal must not be null");
      }
    }
  }

  /** An auto-linked URL; {@code url} always starts with http:// or https:// (any case). */
  record Link(String url, String label) implements RichToken {

    public Link {
      if (url == null || label == null) {
        throw new IllegalArgumentException("link url and label must not be null");
      }
    }
  }

  /**
   * A resolved mention.
   *
   * @param userId the mentioned user, or {@code null} for {@code @all}
   * @param label the text as written, '@' included
   */
  record MentionToken(UserId userId, String label) implements RichToken {

    public MentionToken {
      if (label == null) {
        throw new IllegalArgumentException("mention label must not be null");
      }
    }

    public boolean isAll() {
      return userId == null;
    }
  }

  /** A line break ("\n", "\r\n" or "\r"). */
  record LineBreak() implements RichToken {
  }
}
