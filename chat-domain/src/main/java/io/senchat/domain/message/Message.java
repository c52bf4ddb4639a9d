package io.senchat.domain.message;

import io.senchat.domain.conversation.ConversationId;
import io.senchat.domain.user.UserId;
import java.util.List;

/**
 * A message as stored and delivered. Identity is ({@code conversationId}, {@code seq}); {@code seq} is assigned by
 * the server, per conversation, without gaps, and is the only ordering. {@code clientId} is chosen by the sender's
 * device and makes sends idempotent.
 *
 * @param seq server-assigned position, starting at 1
 * @param clientId sender-chosen idempotency key, unique per sender
 * @param text text body (or caption), {@code ""} when none; empty when deleted for everyone
 * @param attachment media metadata, or {@code null}
 * @param stickerId sticker identifier for STICKER messages, else {@code ""}
 * @param replyToSeq seq of the message replied to in the same conversation, 0 when none
 * @param forwarded origin when forwarded, or {@code null}
 * @param sentAtMillis server time of acceptance (display only: never used for ordering)
 * @param editedAtMillis server time of the last edit, 0 when never edited
 */
public record Message(ConversationId conversationId, long seq, UserId senderId, String clientId, MessageKind kind,
    String text, Attachment attachment, String stickerId, long replyToSeq, Forwarded forwarded,
    List<Mention> mentions, List<Reaction> reactions, long sentAtMillis, long editedAtMillis,
    boolean deletedForEveryone) {

  public Message {
    if (conversationId == null || senderId == null || clientId == null || kind == null || text == null
        || stickerId == null || mentions == null || reactions == null) {
      throw new IllegalArgumentException("message fields must not be null");
    }
    if (seq <= 0) {
      throw new IllegalArgumentException("seq must be positive: " + seq);
    }
    mentions = List.copyOf(mentions);
    reactions = List.copyOf(reactions);
  }

  public MessageRef ref() {
    return new MessageRef(conversationId, seq);
  }

  public boolean isEdited() {
    return editedAtMillis > 0;
  }
}
