package io.senchat.server.typing;

import io.senchat.domain.conversation.ConversationId;
import io.senchat.domain.user.UserId;

/** Relays typing indicators to a conversation's other members; never persisted, never replayed. */
public interface TypingService {

  /**
   * Tells the other members' live sessions that {@code userId} started or stopped typing. The caller has checked
   * membership. Returns false when the indicator was dropped because the user repeats it faster than needed.
   */
  boolean typing(UserId userId, ConversationId conversationId, boolean typing);
}
