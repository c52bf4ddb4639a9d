package io.senchat.domain.conversation;

/** A direct conversation has exactly two members and no roles; a group has up to the member limit. */
public enum ConversationKind {
  DIRECT,
  GROUP
}
