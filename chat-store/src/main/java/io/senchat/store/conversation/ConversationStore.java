package io.senchat.store.conversation;

import io.senchat.domain.conversation.Conversation;
import io.senchat.domain.conversation.ConversationId;
import io.senchat.domain.user.UserId;
import java.util.Optional;

/** Creates conversations, changes group info, and lists a user's conversations. */
public interface ConversationStore {

  /** Unread counts stop at this value, so listing costs the same however much a user has missed. */
  int UNREAD_CAP = 1000;
  /** At most this many conversations per page. */
  int MAX_PAGE = 100;

  /** Creates a group owned by its creator; VALIDATION beyond 500 members, NOT_FOUND for unknown users. */
  Conversation createGroup(NewGroup group);

  /** The direct conversation of two users, created on first use; there is at most one per pair. */
  DirectConversation openDirect(UserId user, UserId other);

  Optional<Conversation> find(ConversationId id);

  /**
   * Changes a group's title, avatar or settings on behalf of {@code actor}: title and avatar need the role the
   * group's {@code changeInfo} setting asks for, settings need an admin; super-admins may do both.
   */
  Conversation update(ConversationId id, UserId actor, ConversationChange change);

  /** A page of the user's conversations, pinned first then by last activity; {@code after} null for the first. */
  ConversationPage list(UserId user, ConversationFilter filter, ConversationCursor after, int limit);
}
