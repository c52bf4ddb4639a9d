package io.senchat.domain.message;

/**
 * The transitions of {@link MessageStatus}: forward only (SENDING → SENT → DELIVERED → READ, skipping allowed
 * because receipts may overtake the ack), FAILED only from SENDING and left by a retry or a late ack. Events
 * that do not apply return the current status unchanged, because they are races, not errors: a "delivered"
 * arriving after "read", a duplicate ack, a timeout firing after the ack.
 */
public final class MessageStatusMachine {

  /** What can happen to a message in flight. */
  public enum Event {
    /** The server accepted the message and assigned its seq. */
    ACKED,
    /** A recipient's device received it. */
    DELIVERED,
    /** A recipient read it. */
    READ,
    /** The send timed out or was refused with a retryable error. */
    SEND_FAILED,
    /** The user (or the offline queue) sends a failed message again. */
    RETRY
  }

  private MessageStatusMachine() {
  }

  public static MessageStatus next(MessageStatus current, Event event) {
    if (current == null || event == null) {
      throw new IllegalArgumentException("status and event must not be null");
    }
    return switch (event) {
      // A late ack for a message marked FAILED still means the server has it: SENT is the truth.
      case ACKED -> forwardTo(current, MessageStatus.SENT);
      case DELIVERED -> forwardTo(current, MessageStatus.DELIVERED);
      case READ -> forwardTo(current, MessageStatus.READ);
      case SEND_FAILED -> current == MessageStatus.SENDING ? MessageStatus.FAILED : current;
      case RETRY -> current == MessageStatus.FAILED ? MessageStatus.SENDING : current;
    };
  }

  /**
   * Moves towards {@code target} when the rules allow it, else stays: {@code advance(x, FAILED)} is a send
   * failure and {@code advance(x, SENDING)} a retry.
   */
  public static MessageStatus advance(MessageStatus current, MessageStatus target) {
    if (target == null) {
      throw new IllegalArgumentException("target status must not be null");
    }
    return next(current, switch (target) {
      case SENDING -> Event.RETRY;
      case FAILED -> Event.SEND_FAILED;
      case SENT -> Event.ACKED;
      case DELIVERED -> Event.DELIVERED;
      case READ -> Event.READ;
    });
  }

  private static MessageStatus forwardTo(MessageStatus current, MessageStatus target) {
    return target.rank() > current.rank() ? target : current;
  }
}
