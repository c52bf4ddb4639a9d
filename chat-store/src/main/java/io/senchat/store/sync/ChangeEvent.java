package io.senchat.store.sync;

import io.senchat.domain.conversation.ConversationId;
import io.senchat.domain.user.UserId;

/**
 * One change, as a pointer to the changed state.
 *
 * @param seq the message seq or receipt mark the change is about, 0 when none
 * @param subject the user the change is about (sender, member, reader), or {@code null}
 * @param actor the user who made the change when it differs in meaning from {@code subject}, or {@code null}
 * @param audience {@code null} when every member sees the event; otherwise the only user who does
 * @param atMillis server time of the writing transaction
 */
public record ChangeEvent(FeedPosition position, ChangeKind kind, ConversationId conversationId, long seq,
    UserId subject, UserId actor, UserId audience, long atMillis) {

  public ChangeEvent {
    if (position == null || kind == null || conversationId == null) {
      throw new IllegalArgumentException("change event fields must not be null");
    }
  }

  public boolean isPrivate() {
    return audience != null;
  }
}
