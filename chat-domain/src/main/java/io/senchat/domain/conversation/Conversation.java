package io.senchat.domain.conversation;

import io.senchat.domain.user.UserId;

/**
 * A conversation as every member sees it.
 *
 * @param title group title; {@code ""} for direct conversations (the UI shows the other member)
 * @param avatarUrl group avatar, or {@code ""}
 * @param settings group switches; {@link GroupSettings#DEFAULTS} for direct conversations
 * @param lastSeq the seq of the newest message, 0 when empty
 * @param createdAtMillis server time of creation
 */
public record Conversation(ConversationId id, ConversationKind kind, String title, String avatarUrl,
    GroupSettings settings, UserId createdBy, long lastSeq, long createdAtMillis) {

  public Conversation {
    if (id == null || kind == null || title == null || avatarUrl == null || settings == null || createdBy == null) {
      throw new IllegalArgumentException("conversation fields must not be null");
    }
    if (lastSeq < 0) {
      throw new IllegalArgumentException("lastSeq must not be negative");
    }
  }

  public boolean isGroup() {
    return kind == ConversationKind.GROUP;
  }
}
