package io.senchat.domain.unread;

import io.senchat.domain.conversation.MemberState;
import io.senchat.domain.message.MessageStatus;

/**
 * A member's delivered and read high-water marks in one conversation. Marks only move up, never past the
 * conversation's last seq, and reading implies delivery, so {@code readSeq <= deliveredSeq} always holds.
 */
public record ReceiptMarks(long deliveredSeq, long readSeq) {

  public static final ReceiptMarks NONE = new ReceiptMarks(0, 0);

  public ReceiptMarks {
    if (readSeq < 0 || deliveredSeq < 0) {
      throw new IllegalArgumentException("marks must not be negative");
    }
    if (readSeq > deliveredSeq) {
      throw new IllegalArgumentException("read mark " + readSeq + " above delivered mark " + deliveredSeq);
    }
  }

  public static ReceiptMarks of(MemberState state) {
    return new ReceiptMarks(state.lastDeliveredSeq(), state.lastReadSeq());
  }

  /**
   * The marks after receipts for {@code newDelivered} and {@code newRead} (0 for "no news"): each mark is the
   * highest seen, capped at {@code lastSeq}; a read mark raises the delivered mark. Stale or out-of-order receipts
   * therefore change nothing.
   */
  public static ReceiptMarks advance(ReceiptMarks current, long newDelivered, long newRead, long lastSeq) {
    long read = Math.max(current.readSeq, clamp(newRead, lastSeq));
    long delivered = Math.max(Math.max(current.deliveredSeq, clamp(newDelivered, lastSeq)), read);
    return delivered == current.deliveredSeq && read == current.readSeq ? current : new ReceiptMarks(delivered, read);
  }

  /** {@code state} with these marks. */
  public MemberState applyTo(MemberState state) {
    return new MemberState(state.conversationId(), state.userId(), state.pinned(), state.mutedUntilMillis(),
        state.archived(), state.hidden(), deliveredSeq, readSeq, state.clearedThroughSeq());
  }

  /** The status the sender of message {@code seq} sees for a recipient with these marks. */
  public MessageStatus statusOf(long seq) {
    if (readSeq >= seq) {
      return MessageStatus.READ;
    }
    return deliveredSeq >= seq ? MessageStatus.DELIVERED : MessageStatus.SENT;
  }

  private static long clamp(long mark, long lastSeq) {
    return Math.max(0, Math.min(mark, lastSeq));
  }
}
