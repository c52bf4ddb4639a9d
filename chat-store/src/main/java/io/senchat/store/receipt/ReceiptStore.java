package io.senchat.store.receipt;

import io.senchat.domain.conversation.ConversationId;
import io.senchat.domain.user.UserId;
import java.util.List;

/** Raises delivery and read marks; lower values than stored are ignored, values past the last seq are capped. */
public interface ReceiptStore {

  /** At most this many conversations per {@link #mark} call. */
  int MAX_BATCH = 500;

  /** Raises the delivered mark; returns the marks after the call. NOT_MEMBER when the user is not a member. */
  ReceiptMarks markDelivered(ConversationId id, UserId user, long seq);

  /** Raises the read mark, and the delivered mark with it; returns the marks after the call. */
  ReceiptMarks markRead(ConversationId id, UserId user, long seq);

  /**
   * Applies many updates of one user in one transaction (e.g. everything a device received while offline). Returns
   * the marks of the conversations the user is a member of; others are skipped.
   */
  List<ReceiptMarks> mark(UserId user, List<ReceiptUpdate> updates);

  /** Every member's marks in a conversation ("seen by"). */
  List<ReceiptMarks> marks(ConversationId id);
}
