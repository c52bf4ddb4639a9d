package io.senchat.store.message;

import io.senchat.domain.message.Message;
import java.util.List;

/**
 * A slice of history in ascending seq order.
 *
 * @param hasOlder true when the reader can see messages before the first one
 * @param hasNewer true when the reader can see messages after the last one
 */
public record MessagePage(List<Message> messages, boolean hasOlder, boolean hasNewer) {

  public MessagePage {
    if (messages == null) {
      throw new IllegalArgumentException("messages must not be null");
    }
    messages = List.copyOf(messages);
  }
}
