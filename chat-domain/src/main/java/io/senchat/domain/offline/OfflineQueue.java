package io.senchat.domain.offline;

import io.senchat.domain.message.OutgoingMessage;
import io.senchat.domain.rules.Limits;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The immutable, bounded FIFO of a device's unsent messages, keyed by client id. Messages leave it only when the
 * server acknowledges them ({@link #remove}), never when they are handed to the transport, so a connection lost
 * mid-flush loses nothing and the next flush resends (the server deduplicates by client id).
 */
public final class OfflineQueue {

  /** What to do with a new message when the queue is full. */
  public enum WhenFull {
    /** Refuse the new message; the UI says there are too many unsent messages. The default: nothing is lost silently. */
    REJECT_NEW,
    /** Drop the oldest message to make room; the caller gets it back to mark it failed. */
    DROP_OLDEST
  }

  /** How an {@link #offer} went. */
  public enum Outcome {
    ADDED,
    /** A message with the same client id was queued; the new one took its place in the order. */
    REPLACED,
    /** The queue was full under {@link WhenFull#REJECT_NEW}: the message was not queued. */
    REJECTED_FULL,
    /** The queue was full under {@link WhenFull#DROP_OLDEST}: the message was queued, the oldest dropped. */
    ADDED_DROPPED_OLDEST
  }

  /**
   * The result of an offer.
   *
   * @param queue the queue after the offer (the same queue when rejected)
   * @param dropped the message dropped to make room, or {@code null}
   */
  public record Offer(Outcome outcome, OfflineQueue queue, OutgoingMessage dropped) {

    public boolean accepted() {
      return outcome != Outcome.REJECTED_FULL;
    }
  }

  private final int capacity;
  private final WhenFull whenFull;
  private final List<OutgoingMessage> messages;

  private OfflineQueue(int capacity, WhenFull whenFull, List<OutgoingMessage> messages) {
    this.capacity = capacity;
    this.whenFull = whenFull;
    this.messages = messages;
  }

  /** An empty queue of {@link Limits#OFFLINE_QUEUE_CAPACITY} that rejects new messages when full. */
  public static OfflineQueue empty() {
    return empty(Limits.OFFLINE_QUEUE_CAPACITY, WhenFull.REJECT_NEW);
  }

  public static OfflineQueue empty(int capacity, WhenFull whenFull) {
    if (capacity < 1 || whenFull == null) {
      throw new IllegalArgumentException("need a positive capacity and a policy");
    }
    return new OfflineQueue(capacity, whenFull, List.of());
  }

  /** Queues {@code message}, replacing a queued one with the same client id in place. */
  public Offer offer(OutgoingMessage message) {
    List<OutgoingMessage> next = new ArrayList<>(messages);
    int index = indexOf(message.clientId());
    if (index >= 0) {
      next.set(index, message);
      return new Offer(Outcome.REPLACED, with(next), null);
    }
    if (messages.size() < capacity) {
      next.add(message);
      return new Offer(Outcome.ADDED, with(next), null);
    }
    if (whenFull == WhenFull.REJECT_NEW) {
      return new Offer(Outcome.REJECTED_FULL, this, null);
    }
    OutgoingMessage dropped = next.remove(0);
    next.add(message);
    return new Offer(Outcome.ADDED_DROPPED_OLDEST, with(next), dropped);
  }

  /** The queue without the message with {@code clientId}, called when the server acknowledges it. */
  public OfflineQueue remove(String clientId) {
    int index = indexOf(clientId);
    if (index < 0) {
      return this;
    }
    List<OutgoingMessage> next = new ArrayList<>(messages);
    next.remove(index);
    return with(next);
  }

  /** The queued messages, oldest first: the order to send them in. They stay queued until {@link #remove}d. */
  public List<OutgoingMessage> inSendOrder() {
    return messages;
  }

  public Optional<OutgoingMessage> find(String clientId) {
    int index = indexOf(clientId);
    return index >= 0 ? Optional.of(messages.get(index)) : Optional.empty();
  }

  public boolean contains(String clientId) {
    return indexOf(clientId) >= 0;
  }

  public int size() {
    return messages.size();
  }

  public boolean isEmpty() {
    return messages.isEmpty();
  }

  public boolean isFull() {
    return messages.size() >= capacity;
  }

  public int capacity() {
    return capacity;
  }

  public WhenFull whenFull() {
    return whenFull;
  }

  private OfflineQueue with(List<OutgoingMessage> next) {
    return new OfflineQueue(capacity, whenFull, List.copyOf(next));
  }

  private int indexOf(String clientId) {
    for (int i = 0; i < messages.size(); i++) {
      if (messages.get(i).clientId().equals(clientId)) {
        return i;
      }
    }
    return -1;
  }
}
