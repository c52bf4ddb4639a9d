package io.senchat.server.fanout;

import io.senchat.domain.conversation.ConversationId;
import io.senchat.domain.protocol.ServerFrame;
import io.senchat.domain.user.UserId;

/**
 * Delivers server frames to live sessions after the change is durable. The in-process implementation reaches the
 * sessions of this node; a cross-node bus implements the same interface, so the core never changes for clustering.
 *
 * <p>Call it only after the transaction that recorded the change committed, and fan out {@code member.changed} and
 * {@code conversation.updated} for every membership, role or settings change: the in-process implementation
 * refreshes its membership cache when it sees them, and sends a {@code removed} change to the removed user too.
 */
public interface FanOut {

  /** Every live session of every current member of the conversation. */
  void toConversation(ConversationId conversationId, ServerFrame frame);

  /** Every live session (device, tab) of one user. */
  void toUser(UserId userId, ServerFrame frame);

  /** Every live session of every current member but {@code excluded} (e.g. typing, which the typist need not see). */
  void toConversationExcept(ConversationId conversationId, UserId excluded, ServerFrame frame);
}
