package io.senchat.domain.unread;

/**
 * Unread messages and unread mentions of one member in one conversation.
 *
 * @param messages unread messages from others, not deleted
 * @param mentions those of them that mention the member or {@code @all}
 * @param exact false when the client's timeline lacks part of the unread range, so this is a lower bound and the
 *     server's count should be shown instead
 */
public record UnreadCount(long messages, long mentions, boolean exact) {

  public UnreadCount {
    if (messages < 0 || mentions < 0 || mentions > messages) {
      throw new IllegalArgumentException("bad unread count " + messages + "/" + mentions);
    }
  }
}
