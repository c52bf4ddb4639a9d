package io.senchat.store.conversation;

import io.senchat.domain.conversation.ConversationId;
import io.senchat.domain.conversation.MemberState;
import io.senchat.domain.user.UserId;
import java.util.Optional;

/** A member's private view of a conversation, synchronised to their other devices through the change feed. */
public interface MemberStateStore {

  Optional<MemberState> find(ConversationId id, UserId user);

  /** Applies the non-null fields of {@code change}; NOT_MEMBER when the user is not a member. */
  MemberState update(ConversationId id, UserId user, MemberStateChange change);

  /** "Delete chat history for me": hides every message up to the conversation's current last seq. */
  MemberState clearHistory(ConversationId id, UserId user);
}
