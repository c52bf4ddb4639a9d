package io.senchat.store.message;

import io.senchat.domain.conversation.ConversationId;
import io.senchat.domain.message.Message;
import io.senchat.domain.message.MessageRef;
import io.senchat.domain.user.UserId;
import java.util.Collection;
import java.util.List;

/**
 * Reads messages as one member sees them: never messages they deleted for themselves, never messages up to their
 * cleared-history mark, and only in conversations they belong to.
 */
public interface MessageReader {

  /** Largest page of history. */
  int MAX_PAGE = 200;

  /** A slice of history; NOT_MEMBER when the reader is not a member. */
  MessagePage history(ConversationId id, UserId reader, HistoryRequest request);

  /** The referenced messages the reader can see, in the order of {@code refs} (at most {@value #MAX_PAGE}). */
  List<Message> load(UserId reader, Collection<MessageRef> refs);

  /** Earlier versions of an edited message, oldest first. */
  List<MessageEdit> edits(MessageRef ref, UserId reader);

  /** Messages mentioning the user in their current conversations, newest first; {@code before} 0 for the newest. */
  List<MentionHit> mentioning(UserId user, long before, int limit);
}
