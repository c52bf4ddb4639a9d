package io.senchat.domain.timeline;

import io.senchat.domain.message.MessageStatus;
import io.senchat.domain.message.OutgoingMessage;
import io.senchat.domain.message.MessageStatusMachine;
import io.senchat.domain.user.UserId;

/**
 * A message shown optimistically before the server confirms it, identified by its client id.
 *
 * @param status SENDING or FAILED; a confirmed message leaves the pending list instead of becoming SENT here
 * @param createdAtMillis local time of sending, shown until the server time is known
 */
public record PendingMessage(OutgoingMessage message, UserId senderId, MessageStatus status, long createdAtMillis)
    implements TimelineEntry {

  public PendingMessage {
    if (message == null || senderId == null || status == null) {
      throw new IllegalArgumentException("pending message fields must not be null");
    }
    if (status != MessageStatus.SENDING && status != MessageStatus.FAILED) {
      throw new IllegalArgumentException("a pending message is SENDING or FAILED, not " + status);
    }
  }

  /** A message that has just been handed to the transport. */
  public static PendingMessage sending(OutgoingMessage message, UserId senderId, long createdAtMillis) {
    return new PendingMessage(message, senderId, MessageStatus.SENDING, createdAtMillis);
  }

  public String clientId() {
    return message.clientId();
  }

  /** This message after {@code event}, by the rules of {@link MessageStatusMachine}. */
  PendingMessage on(MessageStatusMachine.Event event) {
    MessageStatus next = MessageStatusMachine.next(status, event);
    return next == status ? this : new PendingMessage(message, senderId, next, createdAtMillis);
  }
}
