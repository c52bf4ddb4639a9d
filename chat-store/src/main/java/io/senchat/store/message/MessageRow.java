package io.senchat.store.message;

import io.senchat.domain.message.Attachment;

/** A {@code message} row before its mentions and reactions are attached. */
record MessageRow(long conversationId, long seq, long senderId, String clientId, String kind, String body,
    String stickerId, long replyToSeq, Long fwdConversationId, Long fwdSeq, Long fwdSenderId, Attachment attachment,
    long sentAtMillis, long editedAtMillis, boolean deleted) {
}
