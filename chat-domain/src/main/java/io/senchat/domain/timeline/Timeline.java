package io.senchat.domain.timeline;

import io.senchat.domain.conversation.ConversationId;
import io.senchat.domain.message.Message;
import io.senchat.domain.message.MessageStatusMachine.Event;
import io.senchat.domain.rules.Limits;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The immutable client-side timeline of one conversation: confirmed messages sorted by seq, then pending ones in
 * local send order. Every update returns a new timeline (or this one when nothing changed, so a view can skip
 * re-rendering on identity).
 *
 * <p>Invariants: confirmed seqs are strictly increasing; no two pending messages share a client id; no pending
 * message has a confirmed twin (same sender and client id); at most {@link #capacity()} confirmed messages are
 * kept, evicting from the end farther from {@link #focusSeq()} (the oldest while following the newest).
 *
 * <p>The same seq arriving again replaces the stored message only when it is an update: a delete for everyone
 * (final: an undeleted copy never replaces a deleted one), a later edit, or, with equal edit times, a different
 * reaction list (the later arrival wins; {@code Message} carries no revision to order those).
 */
public final class Timeline {

  /** Focus value meaning "the user is at the newest message". */
  public static final long FOLLOW_LATEST = Long.MAX_VALUE;

  private final ConversationId conversationId;
  private final int capacity;
  private final long focusSeq;
  private final List<Message> confirmed;
  private final List<PendingMessage> pending;

  private Timeline(ConversationId conversationId, int capacity, long focusSeq, List<Message> confirmed,
      List<PendingMessage> pending) {
    this.conversationId = conversationId;
    this.capacity = capacity;
    this.focusSeq = focusSeq;
    this.confirmed = confirmed;
    this.pending = pending;
  }

  /** An empty timeline keeping at most {@link Limits#TIMELINE_WINDOW_MESSAGES} confirmed messages. */
  public static Timeline empty(ConversationId conversationId) {
    return empty(conversationId, Limits.TIMELINE_WINDOW_MESSAGES);
  }

  public static Timeline empty(ConversationId conversationId, int capacity) {
    if (conversationId == null) {
      throw new IllegalArgumentException("conversation id must not be null");
    }
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be positive: " + capacity);
    }
    return new Timeline(conversationId, capacity, FOLLOW_LATEST, List.of(), List.of());
  }

  /** Adds or updates a confirmed message and drops its pending twin. */
  public Timeline receive(Message message) {
    if (!message.conversationId().equals(conversationId)) {
      throw new IllegalArgumentException("message of " + message.conversationId() + " in timeline of "
          + conversationId);
    }
    List<PendingMessage> newPending = withoutTwinOf(message);
    int index = indexOf(message.seq());
    List<Message> newConfirmed;
    if (index >= 0) {
      if (!isUpdate(confirmed.get(index), message)) {
        return newPending == pending ? this : with(confirmed, newPending);
      }
      newConfirmed = new ArrayList<>(confirmed);
      newConfirmed.set(index, message);
    } else {
      newConfirmed = new ArrayList<>(confirmed);
      newConfirmed.add(-index - 1, message);
      evict(newConfirmed);
    }
    return with(List.copyOf(newConfirmed), newPending);
  }

  /** Receives each message in turn, e.g. a fetched page. */
  public Timeline receiveAll(Collection<Message> messages) {
    Timeline result = this;
    for (Message message : messages) {
      result = result.receive(message);
    }
    return result;
  }

  /**
   * Shows a message being sent. A message with the same client id replaces the earlier one in place (a retry
   * keeps its position); one whose confirmed twin is already here is ignored (a replay after the server had it).
   */
  public Timeline addPending(PendingMessage message) {
    if (!message.message().conversationId().equals(conversationId)) {
      throw new IllegalArgumentException("pending message of another conversation");
    }
    for (Message m : confirmed) {
      if (isTwin(m, message)) {
        return this;
      }
    }
    List<PendingMessage> newPending = new ArrayList<>(pending);
    int index = pendingIndex(message.clientId());
    if (index >= 0) {
      newPending.set(index, message);
    } else {
      newPending.add(message);
    }
    return with(confirmed, List.copyOf(newPending));
  }

  /** Marks a SENDING message FAILED (send timed out or was refused). */
  public Timeline markFailed(String clientId) {
    return updatePending(clientId, Event.SEND_FAILED);
  }

  /** Marks a FAILED message SENDING again (the user or the offline queue retries it). */
  public Timeline markRetrying(String clientId) {
    return updatePending(clientId, Event.RETRY);
  }

  /** Drops a pending message, e.g. when the user discards a failed one. */
  public Timeline removePending(String clientId) {
    int index = pendingIndex(clientId);
    if (index < 0) {
      return this;
    }
    List<PendingMessage> newPending = new ArrayList<>(pending);
    newPending.remove(index);
    return with(confirmed, List.copyOf(newPending));
  }

  /** Confirms a pending message from an ack that carries only its seq and server time. */
  public Timeline confirm(String clientId, long seq, long sentAtMillis) {
    int index = pendingIndex(clientId);
    if (index < 0) {
      return this;
    }
    PendingMessage p = pending.get(index);
    return receive(p.message().toMessage(seq, p.senderId(), sentAtMillis));
  }

  /** Records where the user is reading, which decides which end eviction trims. */
  public Timeline focusOn(long seq) {
    if (seq <= 0) {
      throw new IllegalArgumentException("focus seq must be positive: " + seq);
    }
    return seq == focusSeq ? this : new Timeline(conversationId, capacity, seq, confirmed, pending);
  }

  /** The user is back at the newest message: eviction trims the oldest. */
  public Timeline followLatest() {
    return focusOn(FOLLOW_LATEST);
  }

  /**
   * Seq ranges missing between the oldest and newest confirmed messages held, in order, so the client can fetch
   * them. History before the oldest held message is not "missing": it is fetched by scrolling.
   */
  public List<SeqRange> missingRanges() {
    List<SeqRange> ranges = new ArrayList<>();
    for (int i = 1; i < confirmed.size(); i++) {
      long previous = confirmed.get(i - 1).seq();
      long current = confirmed.get(i).seq();
      if (current > previous + 1) {
        ranges.add(new SeqRange(previous + 1, current - 1));
      }
    }
    return List.copyOf(ranges);
  }

  /** Like {@link #missingRanges()}, plus the tail up to the conversation's {@code lastSeq} when it is newer. */
  public List<SeqRange> missingRanges(long lastSeq) {
    List<SeqRange> ranges = new ArrayList<>(missingRanges());
    long newest = newestSeq();
    if (lastSeq > newest) {
      ranges.add(new SeqRange(newest + 1, lastSeq));
    }
    return List.copyOf(ranges);
  }

  /** Confirmed messages in seq order. */
  public List<Message> confirmed() {
    return confirmed;
  }

  /** Pending messages in local send order. */
  public List<PendingMessage> pending() {
    return pending;
  }

  /** All rows: confirmed in seq order, then pending in send order. */
  public List<TimelineEntry> entries() {
    List<TimelineEntry> entries = new ArrayList<>(confirmed.size() + pending.size());
    for (Message message : confirmed) {
      entries.add(new TimelineEntry.Confirmed(message));
    }
    entries.addAll(pending);
    return List.copyOf(entries);
  }

  public Optional<Message> find(long seq) {
    int index = indexOf(seq);
    return index >= 0 ? Optional.of(confirmed.get(index)) : Optional.empty();
  }

  public Optional<PendingMessage> findPending(String clientId) {
    int index = pendingIndex(clientId);
    return index >= 0 ? Optional.of(pending.get(index)) : Optional.empty();
  }

  /** Seq of the oldest confirmed message held, 0 when none. */
  public long oldestSeq() {
    return confirmed.isEmpty() ? 0 : confirmed.get(0).seq();
  }

  /** Seq of the newest confirmed message held, 0 when none. */
  public long newestSeq() {
    return confirmed.isEmpty() ? 0 : confirmed.get(confirmed.size() - 1).seq();
  }

  public ConversationId conversationId() {
    return conversationId;
  }

  public int capacity() {
    return capacity;
  }

  public long focusSeq() {
    return focusSeq;
  }

  private Timeline with(List<Message> newConfirmed, List<PendingMessage> newPending) {
    return new Timeline(conversationId, capacity, focusSeq, newConfirmed, newPending);
  }

  private Timeline updatePending(String clientId, Event event) {
    int index = pendingIndex(clientId);
    if (index < 0) {
      return this;
    }
    PendingMessage updated = pending.get(index).on(event);
    if (updated == pending.get(index)) {
      return this;
    }
    List<PendingMessage> newPending = new ArrayList<>(pending);
    newPending.set(index, updated);
    return with(confirmed, List.copyOf(newPending));
  }

  private void evict(List<Message> messages) {
    while (messages.size() > capacity) {
      long oldest = messages.get(0).seq();
      long newest = messages.get(messages.size() - 1).seq();
      boolean dropOldest = focusSeq == FOLLOW_LATEST || focusSeq - oldest >= newest - focusSeq;
      messages.remove(dropOldest ? 0 : messages.size() - 1);
    }
  }

  private static boolean isUpdate(Message existing, Message incoming) {
    if (existing.equals(incoming)) {
      return false;
    }
    if (existing.deletedForEveryone() != incoming.deletedForEveryone()) {
      return incoming.deletedForEveryone();
    }
    if (existing.editedAtMillis() != incoming.editedAtMillis()) {
      return incoming.editedAtMillis() > existing.editedAtMillis();
    }
    return true;
  }

  private List<PendingMessage> withoutTwinOf(Message message) {
    for (int i = 0; i < pending.size(); i++) {
      if (isTwin(message, pending.get(i))) {
        List<PendingMessage> newPending = new ArrayList<>(pending);
        newPending.remove(i);
        return List.copyOf(newPending);
      }
    }
    return pending;
  }

  private static boolean isTwin(Message message, PendingMessage p) {
    return !message.clientId().isEmpty() && message.clientId().equals(p.clientId())
        && message.senderId().equals(p.senderId());
  }

  private int pendingIndex(String clientId) {
    for (int i = 0; i < pending.size(); i++) {
      if (pending.get(i).clientId().equals(clientId)) {
        return i;
      }
    }
    return -1;
  }

  /** Binary search by seq: the index, or {@code -(insertion point) - 1}. */
  private int indexOf(long seq) {
    int low = 0;
    int high = confirmed.size() - 1;
    while (low <= high) {
      int mid = (low + high) >>> 1;
      long midSeq = confirmed.get(mid).seq();
      if (midSeq < seq) {
        low = mid + 1;
      } else if (midSeq > seq) {
        high = mid - 1;
      } else {
        return mid;
      }
    }
    return -(low + 1);
  }
}
