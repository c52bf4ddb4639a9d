package io.senchat.domain.message;

import io.senchat.domain.conversation.ConversationId;

/** Points at one message: messages are identified by their conversation and their seq in it. */
public record MessageRef(ConversationId conversationId, long seq) {

  public MessageRef {
    if (conversationId == null || seq <= 0) {
      throw new IllegalArgumentException("bad message reference " + conversationId + "#" + seq);
    }
  }
}
