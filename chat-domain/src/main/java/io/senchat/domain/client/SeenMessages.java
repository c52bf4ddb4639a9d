package io.senchat.domain.client;

import io.senchat.domain.conversation.ConversationId;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Remembers which messages were handed to the application, so that a replay repeating a live {@code message.new}
 * does not deliver it twice.
 *
 * <p>Memory stays bounded because a replay only repeats events after the persisted sync token, and the token moves
 * past every event received so far whenever a batch ends with {@code hasMore: false}. At each such point the
 * remembered seqs age by one generation and the generation before is dropped: a seq is kept across at least one
 * complete checkpoint, a margin over what the protocol requires. Within a generation at most
 * {@code maxConversations} conversations are kept (least recently used dropped first), each as at most
 * {@code maxRangesPerConversation} seq ranges (see {@link SeqRanges}).
 */
final class SeenMessages {

  /** Default bound on conversations remembered per generation. */
  static final int DEFAULT_MAX_CONVERSATIONS = 4096;
  /** Default bound on gaps remembered per conversation. */
  static final int DEFAULT_MAX_RANGES = 16;

  private final int maxConversations;
  private final int maxRanges;
  private Map<ConversationId, SeqRanges> current;
  private Map<ConversationId, SeqRanges> previous;

  SeenMessages(int maxConversations, int maxRanges) {
    if (maxConversations < 1 || maxRanges < 1) {
      throw new IllegalArgumentException("bounds must be positive");
    }
    this.maxConversations = maxConversations;
    this.maxRanges = maxRanges;
    current = newGeneration();
    previous = newGeneration();
  }

  SeenMessages() {
    this(DEFAULT_MAX_CONVERSATIONS, DEFAULT_MAX_RANGES);
  }

  /** Records the message; returns true the first time it is seen, false for a repeat. */
  boolean firstSighting(ConversationId conversationId, long seq) {
    SeqRanges older = previous.get(conversationId);
    if (older != null && older.contains(seq)) {
      return false;
    }
    SeqRanges ranges = current.get(conversationId);
    if (ranges == null) {
      ranges = new SeqRanges(maxRanges);
      current.put(conversationId, ranges);
    }
    return ranges.add(seq);
  }

  /** The position has moved past everything received so far: age the memory by one generation. */
  void checkpoint() {
    previous = current;
    current = newGeneration();
  }

  /** Forgets everything: the client starts over from a fresh position. */
  void clear() {
    current = newGeneration();
    previous = newGeneration();
  }

  int conversationCount() {
    return current.size() + previous.size();
  }

  private Map<ConversationId, SeqRanges> newGeneration() {
    int max = maxConversations;
    return new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<ConversationId, SeqRanges> eldest) {
        return size() > max;
      }
    };
  }
}
