package io.senchat.server.membership;

import io.senchat.domain.conversation.ConversationId;
import java.util.Optional;

/**
 * Who belongs to a conversation, read through an in-memory cache so that authorising a send and fanning it out cost
 * no database round trip. Whoever changes a membership, a role or group settings must call {@link #invalidate}
 * after the commit; fanning out {@code member.changed} or {@code conversation.updated} through the in-process
 * {@code FanOut} does that already.
 */
public interface Memberships {

  /** The conversation and its members, or empty when the conversation does not exist. */
  Optional<ConversationMembers> find(ConversationId conversationId);

  /** Forgets what is cached about the conversation; the next {@link #find} reads the store. */
  void invalidate(ConversationId conversationId);
}
