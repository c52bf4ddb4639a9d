package io.senchat.domain.message;

import io.senchat.domain.conversation.ConversationId;
import io.senchat.domain.user.UserId;
import java.util.List;

/**
 * A message a device wants to send, before the server assigns it a seq: what the composer, the offline queue
 * and the send validation work on. Fields mean what they mean in {@link Message}.
 */
public record OutgoingMessage(ConversationId conversationId, String clientId, MessageKind kind, String text,
    Attachment attachment, String stickerId, long replyToSeq, Forwarded forwarded, List<Mention> mentions) {

  public OutgoingMessage {
    if (conversationId == null || clientId == null || kind == null || text == null || stickerId == null
        || mentions == null) {
      throw new IllegalArgumentException("outgoing message fields must not be null");
    }
    mentions = List.copyOf(mentions);
  }

  /** A plain text message without mentions. */
  public static OutgoingMessage text(ConversationId conversationId, String clientId, String text) {
    return new OutgoingMessage(conversationId, clientId, MessageKind.TEXT, text, null, "", 0, null, List.of());
  }

  /** The message the server stores once it accepts this one as {@code seq}. */
  public Message toMessage(long seq, UserId senderId, long sentAtMillis) {
    return new Message(conversationId, seq, senderId, clientId, kind, text, attachment, stickerId, replyToSeq,
        forwarded, mentions, List.of(), sentAtMillis, 0, false);
  }
}
