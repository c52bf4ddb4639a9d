package io.senchat.store.message;

import io.senchat.domain.conversation.ConversationId;
import io.senchat.domain.message.Attachment;
import io.senchat.domain.message.Forwarded;
import io.senchat.domain.message.Mention;
import io.senchat.domain.message.MessageKind;
import io.senchat.domain.user.UserId;
import java.util.List;

/**
 * A message to append; the store assigns its seq and time.
 *
 * @param clientId the sender's idempotency key: sending the same {@code (senderId, clientId)} again returns the
 *     original message
 * @param attachment media metadata, or {@code null}
 * @param stickerId for STICKER messages, else {@code ""}
 * @param replyToSeq the earlier message replied to, 0 when none
 * @param forwarded origin when forwarded, or {@code null}
 */
public record NewMessage(ConversationId conversationId, UserId senderId, String clientId, MessageKind kind,
    String text, Attachment attachment, String stickerId, long replyToSeq, Forwarded forwarded,
    List<Mention> mentions) {

  public NewMessage {
    if (conversationId == null || senderId == null || clientId == null || kind == null || text == null
        || stickerId == null || mentions == null) {
      throw new IllegalArgumentException("new message fields must not be null");
    }
    if (replyToSeq < 0) {
      throw new IllegalArgumentException("replyToSeq must not be negative");
    }
    mentions = List.copyOf(mentions);
  }

  /** A plain text message. */
  public static NewMessage text(ConversationId conversationId, UserId senderId, String clientId, String text) {
    return new NewMessage(conversationId, senderId, clientId, MessageKind.TEXT, text, null, "", 0, null, List.of());
  }

  public NewMessage withReplyTo(long seq) {
    return new NewMessage(conversationId, senderId, clientId, kind, text, attachment, stickerId, seq, forwarded,
        mentions);
  }

  public NewMessage withMentions(List<Mention> newMentions) {
    return new NewMessage(conversationId, senderId, clientId, kind, text, attachment, stickerId, replyToSeq,
        forwarded, newMentions);
  }

  public NewMessage withAttachment(MessageKind mediaKind, Attachment newAttachment) {
    return new NewMessage(conversationId, senderId, clientId, mediaKind, text, newAttachment, stickerId, replyToSeq,
        forwarded, mentions);
  }

  public NewMessage withForwarded(Forwarded origin) {
    return new NewMessage(conversationId, senderId, clientId, kind, text, attachment, stickerId, replyToSeq, origin,
        mentions);
  }
}
