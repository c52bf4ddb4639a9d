package io.senchat.domain.message;

import io.senchat.domain.user.UserId;

/**
 * A mention inside a message's text, as a range of UTF-16 code units.
 *
 * @param userId the mentioned user, or {@code null} for {@code @all}
 * @param start index of the '@'
 * @param length length including the '@'
 */
public record Mention(UserId userId, int start, int length) {

  public Mention {
    if (start < 0 || length < 2) {
      throw new IllegalArgumentException("bad mention range " + start + "+" + length);
    }
  }

  /** A mention of every member ({@code @all}). */
  public static Mention all(int start, int length) {
    return new Mention(null, start, length);
  }

  public boolean isAll() {
    return userId == null;
  }
}
