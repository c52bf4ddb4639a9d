package io.senchat.store.receipt;

import io.senchat.domain.conversation.ConversationId;
import io.senchat.domain.user.UserId;

/** A member's receipt marks in one conversation; {@code readSeq <= deliveredSeq} always. */
public record ReceiptMarks(ConversationId conversationId, UserId userId, long deliveredSeq, long readSeq) {

  public ReceiptMarks {
    if (conversationId == null || userId == null) {
      throw new IllegalArgumentException("receipt ids must not be null");
    }
  }
}
