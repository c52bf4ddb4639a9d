package io.senchat.domain.protocol;

import io.senchat.domain.conversation.ConversationId;

/**
 * One conversation's new delivery and read marks, as sent in a {@code receipt.mark}; marks only move forward, so the
 * server ignores a mark lower than the one it has.
 *
 * @param deliveredSeq highest seq delivered to this device, 0 when not advancing it
 * @param readSeq highest seq read, 0 when not advancing it
 */
public record ReceiptMark(ConversationId conversationId, long deliveredSeq, long readSeq) {

  public ReceiptMark {
    Wire.checkNonNull("conversationId", conversationId);
    Wire.checkNonNegative("deliveredSeq", deliveredSeq);
    Wire.checkNonNegative("readSeq", readSeq);
    if (deliveredSeq == 0 && readSeq == 0) {
      throw new IllegalArgumentException("deliveredSeq, readSeq: at least one must be positive");
    }
  }
}
