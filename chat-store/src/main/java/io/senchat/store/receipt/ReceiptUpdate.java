package io.senchat.store.receipt;

import io.senchat.domain.conversation.ConversationId;

/**
 * Marks a client reports for one conversation; 0 leaves a mark alone (marks never go down anyway).
 *
 * @param deliveredSeq the newest message that reached the device
 * @param readSeq the newest message the user has seen
 */
public record ReceiptUpdate(ConversationId conversationId, long deliveredSeq, long readSeq) {

  public ReceiptUpdate {
    if (conversationId == null || deliveredSeq < 0 || readSeq < 0) {
      throw new IllegalArgumentException("bad receipt update for " + conversationId);
    }
  }
}
