package io.senchat.store.conversation;

import io.senchat.domain.conversation.Conversation;
import io.senchat.domain.conversation.MemberRole;
import io.senchat.domain.conversation.MemberState;
import io.senchat.domain.message.Message;
import io.senchat.domain.user.UserId;

/**
 * One row of a user's conversation list.
 *
 * @param peer the other member of a direct conversation, {@code null} for groups
 * @param lastMessage the newest message the user can see, or {@code null}
 * @param unreadCount messages after the read mark, not sent by the user, not deleted or hidden; saturates at
 *     {@link ConversationStore#UNREAD_CAP}
 * @param lastActivityMillis time of the last message, or of creation
 */
public record ConversationSummary(Conversation conversation, MemberRole role, MemberState state, int memberCount,
    UserId peer, Message lastMessage, int unreadCount, long lastActivityMillis) {

  public ConversationSummary {
    if (conversation == null || role == null || state == null) {
      throw new IllegalArgumentException("summary fields must not be null");
    }
  }

  /** The cursor that continues the list after this row. */
  public ConversationCursor cursor() {
    return new ConversationCursor(state.pinned(), lastActivityMillis, conversation.id().value());
  }
}
