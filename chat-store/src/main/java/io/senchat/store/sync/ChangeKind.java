package io.senchat.store.sync;

/** What changed; the event says where, the client fetches the new state. */
public enum ChangeKind {
  /** A conversation was created; its members learn of it (seq 0). */
  CONVERSATION_CREATED,
  /** Title, avatar or settings changed. */
  CONVERSATION_UPDATED,
  /** {@code subject} joined or was added. */
  MEMBER_ADDED,
  /**
   * {@code subject} left or was removed; sent to the remaining members and, privately, to {@code subject}, who no
   * longer sees the conversation's other events.
   */
  MEMBER_REMOVED,
  /** {@code subject}'s role changed. */
  MEMBER_ROLE,
  /** Private: the audience's own pinned/muted/archived/hidden/cleared state changed (on another device). */
  MEMBER_STATE,
  /** Message {@code seq} was appended by {@code subject}. */
  MESSAGE_NEW,
  /** Message {@code seq} was edited or its reactions changed. */
  MESSAGE_UPDATED,
  /** Message {@code seq} was deleted for everyone. */
  MESSAGE_DELETED,
  /** Private: message {@code seq} was deleted for the audience only. */
  MESSAGE_HIDDEN,
  /** {@code subject}'s delivered mark rose to {@code seq} (beyond their read mark). */
  DELIVERED,
  /** {@code subject}'s read mark (and so their delivered mark) rose to {@code seq}. */
  READ
}
