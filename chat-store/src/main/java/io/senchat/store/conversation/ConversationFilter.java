package io.senchat.store.conversation;

/** Which of a user's conversations to list. */
public enum ConversationFilter {
  /** Neither archived nor hidden. */
  INBOX,
  /** Archived and not hidden. */
  ARCHIVED,
  /** Hidden (shown only after the user unlocks them). */
  HIDDEN,
  /** Everything. */
  ALL
}
