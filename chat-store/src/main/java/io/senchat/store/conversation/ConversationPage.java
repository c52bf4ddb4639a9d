package io.senchat.store.conversation;

import java.util.List;

/**
 * A page of a user's conversations, pinned first, then by last activity.
 *
 * @param next continue from here, or {@code null} on the last page
 */
public record ConversationPage(List<ConversationSummary> items, ConversationCursor next) {

  public ConversationPage {
    if (items == null) {
      throw new IllegalArgumentException("items must not be null");
    }
    items = List.copyOf(items);
  }
}
