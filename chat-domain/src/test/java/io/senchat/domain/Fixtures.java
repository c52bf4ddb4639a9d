package io.senchat.domain;

import io.senchat.domain.conversation.Conversation;
import io.senchat.domain.conversation.ConversationId;
import io.senchat.domain.conversation.ConversationKind;
import io.senchat.domain.conversation.GroupSettings;
import io.senchat.domain.message.Attachment;
import io.senchat.domain.message.Mention;
import io.senchat.domain.message.Message;
import io.senchat.domain.message.MessageKind;
import io.senchat.domain.message.Reaction;
import io.senchat.domain.user.UserId;
import java.util.List;

/** Builders for model values used across the domain tests. */
public final class Fixtures {

  public static final ConversationId CONV = ConversationId.of(7);
  public static final UserId ALICE = UserId.of(1);
  public static final UserId BOB = UserId.of(2);
  public static final UserId CAROL = UserId.of(3);

  private Fixtures() {
  }

  public static Message text(long seq, UserId sender, String clientId, String text) {
    return new Message(CONV, seq, sender, clientId, MessageKind.TEXT, text, null, "", 0, null, List.of(), List.of(),
        1_000 * seq, 0, false);
  }

  public static Message text(long seq, UserId sender) {
    return text(seq, sender, "c" + seq, "message " + seq);
  }

  public static Message sentAt(Message m, long sentAtMillis) {
    return new Message(m.conversationId(), m.seq(), m.senderId(), m.clientId(), m.kind(), m.text(), m.attachment(),
        m.stickerId(), m.replyToSeq(), m.forwarded(), m.mentions(), m.reactions(), sentAtMillis, m.editedAtMillis(),
        m.deletedForEveryone());
  }

  public static Message edited(Message m, String newText, long editedAtMillis) {
    return new Message(m.conversationId(), m.seq(), m.senderId(), m.clientId(), m.kind(), newText, m.attachment(),
        m.stickerId(), m.replyToSeq(), m.forwarded(), m.mentions(), m.reactions(), m.sentAtMillis(), editedAtMillis,
        m.deletedForEveryone());
  }

  public static Message deleted(Message m) {
    return new Message(m.conversationId(), m.seq(), m.senderId(), m.clientId(), m.kind(), "", null, m.stickerId(),
        m.replyToSeq(), m.forwarded(), List.of(), List.of(), m.sentAtMillis(), m.editedAtMillis(), true);
  }

  public static Message withReactions(Message m, List<Reaction> reactions) {
    return new Message(m.conversationId(), m.seq(), m.senderId(), m.clientId(), m.kind(), m.text(), m.attachment(),
        m.stickerId(), m.replyToSeq(), m.forwarded(), m.mentions(), reactions, m.sentAtMillis(), m.editedAtMillis(),
        m.deletedForEveryone());
  }

  public static Message withMentions(Message m, List<Mention> mentions) {
    return new Message(m.conversationId(), m.seq(), m.senderId(), m.clientId(), m.kind(), m.text(), m.attachment(),
        m.stickerId(), m.replyToSeq(), m.forwarded(), mentions, m.reactions(), m.sentAtMillis(), m.editedAtMillis(),
        m.deletedForEveryone());
  }

  public static Message ofKind(Message m, MessageKind kind) {
    return new Message(m.conversationId(), m.seq(), m.senderId(), m.clientId(), kind, m.text(), m.attachment(),
        m.stickerId(), m.replyToSeq(), m.forwarded(), m.mentions(), m.reactions(), m.sentAtMillis(),
        m.editedAtMillis(), m.deletedForEveryone());
  }

  public static Attachment attachment(String mimeType, long sizeBytes) {
    return new Attachment("file.bin", mimeType, sizeBytes, 0, 0, 0, "https://cdn.example/f/1", "");
  }

  public static Conversation group(GroupSettings settings) {
    return new Conversation(CONV, ConversationKind.GROUP, "Team", "", settings, ALICE, 10, 0);
  }

  public static Conversation group() {
    return group(GroupSettings.DEFAULTS);
  }

  public static Conversation direct() {
    return new Conversation(CONV, ConversationKind.DIRECT, "", "", GroupSettings.DEFAULTS, ALICE, 10, 0);
  }
}
