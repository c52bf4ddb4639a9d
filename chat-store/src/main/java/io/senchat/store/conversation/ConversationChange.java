package io.senchat.store.conversation;

import io.senchat.domain.conversation.GroupSettings;

/** Changes to a group; a {@code null} field is left unchanged. */
public record ConversationChange(String title, String avatarUrl, GroupSettings settings) {

  public static ConversationChange title(String title) {
    return new ConversationChange(title, null, null);
  }

  public static ConversationChange settings(GroupSettings settings) {
    return new ConversationChange(null, null, settings);
  }
}
