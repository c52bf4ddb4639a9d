package io.senchat.domain.timeline;

import io.senchat.domain.message.Message;

/** One row of a {@link Timeline}: a message the server confirmed, or one still being sent. */
public sealed interface TimelineEntry permits TimelineEntry.Confirmed, PendingMessage {

  /** A message with its server seq. */
  record Confirmed(Message message) implements TimelineEntry {

    public Confirmed {
      if (message == null) {
        throw new IllegalArgumentException("confirmed message must not be null");
      }
    }
  }
}
