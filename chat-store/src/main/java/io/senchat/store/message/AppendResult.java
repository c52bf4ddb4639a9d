package io.senchat.store.message;

import io.senchat.domain.message.Message;

/**
 * The stored message and whether the send was a repeat of an earlier one.
 *
 * @param duplicate true when {@code (sender, clientId)} had already been appended: {@code message} is the original
 */
public record AppendResult(Message message, boolean duplicate) {

  public AppendResult {
    if (message == null) {
      throw new IllegalArgumentException("message must not be null");
    }
  }
}
