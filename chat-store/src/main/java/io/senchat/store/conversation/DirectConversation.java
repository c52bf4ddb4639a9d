package io.senchat.store.conversation;

import io.senchat.domain.conversation.Conversation;

/** The direct conversation of a pair of users, and whether this call created it. */
public record DirectConversation(Conversation conversation, boolean created) {
}
