package io.senchat.web.messages;

import io.senchat.domain.conversation.ConversationId;
import io.senchat.domain.message.Message;
import io.senchat.domain.message.MessageStatus;
import io.senchat.domain.message.Reaction;
import io.senchat.domain.timeline.TimelineEntry;
import io.senchat.domain.unread.ReceiptMarks;
import io.senchat.domain.user.UserId;
import java.util.List;
import java.util.Map;

/**
 * Everything the message list shows, as one immutable value: the shell builds a new one on every store change
 * and hands it to {@link MessageListView#render}.
 *
 * @param conversationId the conversation shown; a different id than the last render resets scroll and state
 * @param ownUserId the signed-in user: their messages are right-aligned and carry a status
 * @param entries the loaded messages in seq order, confirmed ones first, then pending/failed local ones
 *     (exactly {@code Timeline.entries()})
 * @param displayNames member display names by user id; missing ones show as "User 123"
 * @param receipts the delivered/read marks of the <em>other</em> members (the own entry is ignored); an own
 *     message is delivered/read when every other member's mark reached it
 * @param hasOlder true when messages older than the first entry exist on the server
 * @param loadingOlder true while an older page is being fetched (the list shows a spinner row and does not ask
 *     again)
 * @param firstUnreadSeq the first unread seq, 0 when none: opening the conversation lands there, under a
 *     "New messages" divider
 * @param jumpToSeq a seq to scroll to and highlight, 0 for none; the view jumps each time this changes to a
 *     loaded seq
 * @param rules which actions are offered on which message
 * @param nowMillis the time the model was made (server clock), for edit/recall windows
 */
public record MessageListModel(ConversationId conversationId, UserId ownUserId, List<TimelineEntry> entries,
    Map<UserId, String> displayNames, Map<UserId, ReceiptMarks> receipts, boolean hasOlder, boolean loadingOlder,
    long firstUnreadSeq, long jumpToSeq, MessageRules rules, long nowMillis) {

  public MessageListModel {
    if (conversationId == null || ownUserId == null || entries == null || displayNames == null || receipts == null
        || rules == null) {
      throw new IllegalArgumentException("message list model fields must not be null");
    }
    entries = List.copyOf(entries);
    displayNames = Map.copyOf(displayNames);
    receipts = Map.copyOf(receipts);
  }

  /** A builder with no messages, no receipts, nothing to load and {@link MessageRules#ownMessagesOnly} rules. */
  public static Builder builder(ConversationId conversationId, UserId ownUserId) {
    return new Builder(conversationId, ownUserId);
  }

  /** The name shown for {@code userId}. */
  public String displayName(UserId userId) {
    String name = displayNames.get(userId);
    return name == null || name.isEmpty() ? "User " + userId.value() : name;
  }

  /** The status the own user sees on their confirmed message {@code seq}: the least advanced other member. */
  public MessageStatus statusOf(long seq) {
    ReceiptMarks least = leastMarks();
    return least == null ? MessageStatus.SENT : least.statusOf(seq);
  }

  /**
   * The marks of the least advanced other member (everyone has at least these), or {@code null} when no other
   * member's marks are known. Computed once per render rather than per message.
   */
  ReceiptMarks leastMarks() {
    long delivered = Long.MAX_VALUE;
    long read = Long.MAX_VALUE;
    boolean any = false;
    for (Map.Entry<UserId, ReceiptMarks> e : receipts.entrySet()) {
      if (!e.getKey().equals(ownUserId)) {
        any = true;
        delivered = Math.min(delivered, e.getValue().deliveredSeq());
        read = Math.min(read, e.getValue().readSeq());
      }
    }
    return any ? new ReceiptMarks(delivered, Math.min(read, delivered)) : null;
  }

  /** True when the own user reacted to {@code message} with {@code emoji}. */
  public boolean hasOwnReaction(Message message, String emoji) {
    for (Reaction r : message.reactions()) {
      if (r.emoji().equals(emoji)) {
        return r.users().contains(ownUserId);
      }
    }
    return false;
  }

  /** Builds a {@link MessageListModel}; every setter returns this builder. */
  public static final class Builder {
    private final ConversationId conversationId;
    private final UserId ownUserId;
    private List<TimelineEntry> entries = List.of();
    private Map<UserId, String> displayNames = Map.of();
    private Map<UserId, ReceiptMarks> receipts = Map.of();
    private boolean hasOlder;
    private boolean loadingOlder;
    private long firstUnreadSeq;
    private long jumpToSeq;
    private MessageRules rules;
    private long nowMillis;

    private Builder(ConversationId conversationId, UserId ownUserId) {
      this.conversationId = conversationId;
      this.ownUserId = ownUserId;
    }

    public Builder entries(List<TimelineEntry> entries) {
      this.entries = entries;
      return this;
    }

    public Builder displayNames(Map<UserId, String> displayNames) {
      this.displayNames = displayNames;
      return this;
    }

    public Builder receipts(Map<UserId, ReceiptMarks> receipts) {
      this.receipts = receipts;
      return this;
    }

    public Builder hasOlder(boolean hasOlder) {
      this.hasOlder = hasOlder;
      return this;
    }

    public Builder loadingOlder(boolean loadingOlder) {
      this.loadingOlder = loadingOlder;
      return this;
    }

    public Builder firstUnreadSeq(long firstUnreadSeq) {
      this.firstUnreadSeq = firstUnreadSeq;
      return this;
    }

    public Builder jumpToSeq(long jumpToSeq) {
      this.jumpToSeq = jumpToSeq;
      return this;
    }

    public Builder rules(MessageRules rules) {
      this.rules = rules;
      return this;
    }

    public Builder nowMillis(long nowMillis) {
      this.nowMillis = nowMillis;
      return this;
    }

    public MessageListModel build() {
      return new MessageListModel(conversationId, ownUserId, entries, displayNames, receipts, hasOlder,
          loadingOlder, firstUnreadSeq, jumpToSeq, rules == null ? MessageRules.ownMessagesOnly(ownUserId) : rules,
          nowMillis);
    }
  }
}
