package io.senchat.store.message;

import io.senchat.domain.conversation.ConversationId;
import io.senchat.domain.message.Forwarded;
import io.senchat.domain.message.Mention;
import io.senchat.domain.message.Message;
import io.senchat.domain.message.MessageKind;
import io.senchat.domain.message.MessageRef;
import io.senchat.domain.message.Reaction;
import io.senchat.domain.user.UserId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns message rows into domain messages, fetching the mentions and reactions of a whole page in two queries. */
final class MessageLoader {

  private MessageLoader() {
  }

  static List<Message> hydrate(MessageDao dao, List<MessageRow> rows) {
    if (rows.isEmpty()) {
      return List.of();
    }
    long[] conversations = new long[rows.size()];
    long[] seqs = new long[rows.size()];
    for (int i = 0; i < rows.size(); i++) {
      conversations[i] = rows.get(i).conversationId();
      seqs[i] = rows.get(i).seq();
    }
    Map<MessageRef, List<Mention>> mentions = new HashMap<>();
    for (MessageDao.MentionRow row : dao.mentions(conversations, seqs)) {
      mentions.computeIfAbsent(ref(row.conversationId(), row.seq()), r -> new ArrayList<>())
          .add(new Mention(row.userId() == null ? null : UserId.of(row.userId()), row.start(), row.length()));
    }
    // Rows arrive in reaction order: the first row of an emoji fixes its place, later rows append users.
    Map<MessageRef, Map<String, List<UserId>>> reactions = new HashMap<>();
    for (MessageDao.ReactionRow row : dao.reactions(conversations, seqs)) {
      reactions.computeIfAbsent(ref(row.conversationId(), row.seq()), r -> new LinkedHashMap<>())
          .computeIfAbsent(row.emoji(), e -> new ArrayList<>())
          .add(UserId.of(row.userId()));
    }
    List<Message> messages = new ArrayList<>(rows.size());
    for (MessageRow row : rows) {
      MessageRef ref = ref(row.conversationId(), row.seq());
      messages.add(toMessage(row, mentions.getOrDefault(ref, List.of()), toReactions(reactions.get(ref))));
    }
    return messages;
  }

  static List<Reaction> toReactions(Map<String, List<UserId>> byEmoji) {
    if (byEmoji == null) {
      return List.of();
    }
    List<Reaction> result = new ArrayList<>(byEmoji.size());
    byEmoji.forEach((emoji, users) -> result.add(new Reaction(emoji, users)));
    return result;
  }

  private static Message toMessage(MessageRow row, List<Mention> mentions, List<Reaction> reactions) {
    Forwarded forwarded = row.fwdConversationId() == null ? null
        : new Forwarded(ref(row.fwdConversationId(), row.fwdSeq()), UserId.of(row.fwdSenderId()));
    return new Message(ConversationId.of(row.conversationId()), row.seq(), UserId.of(row.senderId()),
        row.clientId(), MessageKind.valueOf(row.kind()), row.body(), row.attachment(), row.stickerId(),
        row.replyToSeq(), forwarded, mentions, reactions, row.sentAtMillis(), row.editedAtMillis(), row.deleted());
  }

  private static MessageRef ref(long conversationId, long seq) {
    return new MessageRef(ConversationId.of(conversationId), seq);
  }
}
