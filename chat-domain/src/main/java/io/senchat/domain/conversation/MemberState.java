package io.senchat.domain.conversation;

import io.senchat.domain.user.UserId;

/**
 * One member's private view of a conversation, synchronised across that member's devices.
 *
 * @param mutedUntilMillis 0 when not muted, {@link #MUTED_FOREVER} for "until I unmute"
 * @param lastDeliveredSeq high-water mark of messages delivered to any of the member's devices
 * @param lastReadSeq high-water mark of messages read; never above {@code lastDeliveredSeq}
 * @param clearedThroughSeq messages up to this seq were cleared ("delete chat history for me")
 */
public record MemberState(ConversationId conversationId, UserId userId, boolean pinned, long mutedUntilMillis,
    boolean archived, boolean hidden, long lastDeliveredSeq, long lastReadSeq, long clearedThroughSeq) {

  public static final long MUTED_FOREVER = Long.MAX_VALUE;

  public MemberState {
    if (conversationId == null || userId == null) {
      throw new IllegalArgumentException("member state ids must not be null");
    }
    if (lastReadSeq < 0 || lastDeliveredSeq < 0 || clearedThroughSeq < 0) {
      throw new IllegalArgumentException("seq marks must not be negative");
    }
    if (lastReadSeq > lastDeliveredSeq) {
      throw new IllegalArgumentException("read mark " + lastReadSeq + " above delivered mark " + lastDeliveredSeq);
    }
  }

  /** A fresh state for a new member: nothing pinned, muted, delivered or read. */
  public static MemberState initial(ConversationId conversationId, UserId userId) {
    return new MemberState(conversationId, userId, false, 0, false, false, 0, 0, 0);
  }

  public boolean isMutedAt(long nowMillis) {
    return mutedUntilMillis > nowMillis;
  }
}
