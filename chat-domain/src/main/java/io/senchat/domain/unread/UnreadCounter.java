package io.senchat.domain.unread;

import io.senchat.domain.conversation.MemberState;
import io.senchat.domain.message.Message;
import io.senchat.domain.text.Mentions;
import io.senchat.domain.timeline.Timeline;
import io.senchat.domain.user.UserId;

/**
 * The one definition of "unread", used by the server and every client so badges agree across devices: the
 * messages with seq in {@code (max(lastReadSeq, clearedThroughSeq), lastSeq]} that the member did not send and
 * that are not deleted for everyone. System messages count like any other.
 */
public final class UnreadCounter {

  private UnreadCounter() {
  }

  /**
   * The server's formula over marks and counts it keeps.
   *
   * @param ownInRange the member's own messages in the unread range, deleted or not
   * @param deletedOthersInRange other members' messages in the range that were deleted for everyone
   */
  public static long unread(long lastSeq, long lastReadSeq, long ownInRange, long deletedOthersInRange) {
    if (ownInRange < 0 || deletedOthersInRange < 0) {
      throw new IllegalArgumentException("counts must not be negative");
    }
    long range = Math.max(0, lastSeq - Math.max(0, lastReadSeq));
    return Math.max(0, range - ownInRange - deletedOthersInRange);
  }

  /** The same formula starting from a member's state; history cleared for the member is never unread. */
  public static long unread(MemberState state, long lastSeq, long ownInRange, long deletedOthersInRange) {
    return unread(lastSeq, Math.max(state.lastReadSeq(), state.clearedThroughSeq()), ownInRange,
        deletedOthersInRange);
  }

  /**
   * The client's count over the messages it holds. Exact when the timeline holds every seq of the unread range
   * {@code (readThrough, lastSeq]}; otherwise a lower bound.
   *
   * @param readThrough {@code max(lastReadSeq, clearedThroughSeq)} of the member
   * @param lastSeq the conversation's last seq as the client knows it
   */
  public static UnreadCount count(Timeline timeline, UserId member, long readThrough, long lastSeq) {
    long messages = 0;
    long mentions = 0;
    long held = 0;
    for (Message message : timeline.confirmed()) {
      if (message.seq() <= readThrough || message.seq() > lastSeq) {
        continue;
      }
      held++;
      if (message.senderId().equals(member) || message.deletedForEveryone()) {
        continue;
      }
      messages++;
      if (Mentions.notifies(member, message)) {
        mentions++;
      }
    }
    long rangeSize = Math.max(0, lastSeq - Math.max(0, readThrough));
    return new UnreadCount(messages, mentions, held == rangeSize);
  }
}
