package io.senchat.store.message;

import io.senchat.domain.common.ChatException;
import io.senchat.domain.common.Clock;
import io.senchat.domain.common.ErrorCode;
import io.senchat.domain.conversation.MemberRole;
import io.senchat.domain.message.Mention;
import io.senchat.domain.message.Message;
import io.senchat.domain.message.MessageKind;
import io.senchat.domain.message.MessageRef;
import io.senchat.domain.message.Reaction;
import io.senchat.domain.user.SystemRole;
import io.senchat.domain.user.UserId;
import io.senchat.store.internal.ChangeLog;
import io.senchat.store.internal.StoreErrors;
import io.senchat.store.internal.Times;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;

/** {@link MessageStore} and {@link ReactionStore} backed by PostgreSQL. */
final class PostgresMessageStore implements MessageStore, ReactionStore {

  private final Jdbi jdbi;
  private final Appender appender;
  private final Clock clock;

  PostgresMessageStore(Jdbi jdbi, Appender appender, Clock clock) {
    this.jdbi = jdbi;
    this.appender = appender;
    this.clock = clock;
  }

  @Override
  public AppendResult append(NewMessage message) {
    return appender.appendOne(message);
  }

  @Override
  public List<AppendResult> appendBatch(List<NewMessage> messages) {
    List<Appender.Outcome> outcomes = StoreErrors.translating(() -> appender.appendAll(messages, true));
    List<AppendResult> results = new ArrayList<>(outcomes.size());
    for (Appender.Outcome outcome : outcomes) {
      results.add(outcome.result());
    }
    return results;
  }

  @Override
  public Message edit(MessageRef ref, UserId editor, String text, List<Mention> mentions) {
    if (text == null || mentions == null) {
      throw new IllegalArgumentException("text and mentions must not be null");
    }
    return inTransaction(h -> {
      MessageDao dao = h.attach(MessageDao.class);
      MessageDao.Access access = lockVisible(dao, ref, editor);
      MessageRow row = access.message();
      if (row.senderId() != editor.value()) {
        throw new ChatException(ErrorCode.FORBIDDEN, "only the sender may edit a message");
      }
      if (row.deleted()) {
        throw new ChatException(ErrorCode.VALIDATION, "a deleted message cannot be edited");
      }
      MessageKind kind = MessageKind.valueOf(row.kind());
      if (kind == MessageKind.SYSTEM || kind == MessageKind.STICKER) {
        throw new ChatException(ErrorCode.VALIDATION, kind + " messages cannot be edited");
      }
      long now = clock.nowMillis();
      long writtenAt = row.editedAtMillis() != 0 ? row.editedAtMillis() : row.sentAtMillis();
      dao.insertEdit(ref.conversationId().value(), ref.seq(), row.body(), Times.at(writtenAt));
      dao.updateBody(ref.conversationId().value(), ref.seq(), text, Times.at(now));
      if (!mentions.isEmpty()) {
        int n = mentions.size();
        long[] conversations = new long[n];
        long[] seqs = new long[n];
        Long[] users = new Long[n];
        int[] starts = new int[n];
        int[] lengths = new int[n];
        for (int i = 0; i < n; i++) {
          conversations[i] = ref.conversationId().value();
          seqs[i] = ref.seq();
          users[i] = mentions.get(i).userId() == null ? null : mentions.get(i).userId().value();
          starts[i] = mentions.get(i).start();
          lengths[i] = mentions.get(i).length();
        }
        dao.insertMentions(conversations, seqs, users, starts, lengths);
      }
      h.attach(ChangeLog.class).record(ref.conversationId().value(), null, "MESSAGE_UPDATED", ref.seq(),
          editor.value(), editor.value());
      return reload(dao, ref);
    });
  }

  @Override
  public Message deleteForEveryone(MessageRef ref, UserId actor) {
    return inTransaction(h -> {
      MessageDao dao = h.attach(MessageDao.class);
      MessageDao.Access access = lockVisible(dao, ref, actor);
      MessageRow row = access.message();
      if (row.deleted()) {
        return reload(dao, ref);
      }
      boolean superAdmin = SystemRole.SUPER_ADMIN.name().equals(access.systemRole());
      boolean sender = row.senderId() == actor.value();
      boolean moderator = access.role() != null && MemberRole.valueOf(access.role()).atLeast(MemberRole.ADMIN);
      if (!sender && !moderator && !superAdmin) {
        throw new ChatException(ErrorCode.FORBIDDEN, "only the sender or an admin may delete this message");
      }
      dao.eraseForEveryone(ref.conversationId().value(), ref.seq(), actor.value(), Times.at(clock.nowMillis()));
      h.attach(ChangeLog.class).record(ref.conversationId().value(), null, "MESSAGE_DELETED", ref.seq(),
          row.senderId(), actor.value());
      return reload(dao, ref);
    });
  }

  @Override
  public void deleteForMe(MessageRef ref, UserId user) {
    inTransaction(h -> {
      MessageDao dao = h.attach(MessageDao.class);
      lockVisible(dao, ref, user);
      if (dao.hide(user.value(), ref.conversationId().value(), ref.seq(), Times.at(clock.nowMillis())) > 0) {
        h.attach(ChangeLog.class).record(ref.conversationId().value(), user.value(), "MESSAGE_HIDDEN", ref.seq(),
            user.value(), user.value());
      }
      return null;
    });
  }

  @Override
  public List<Reaction> react(MessageRef ref, UserId user, String emoji) {
    return changeReaction(ref, user, emoji, true);
  }

  @Override
  public List<Reaction> unreact(MessageRef ref, UserId user, String emoji) {
    return changeReaction(ref, user, emoji, false);
  }

  private List<Reaction> changeReaction(MessageRef ref, UserId user, String emoji,
      boolean add) {
    if (emoji == null || emoji.isEmpty()) {
      throw new ChatException(ErrorCode.VALIDATION, "emoji must not be empty");
    }
    return inTransaction(h -> {
      MessageDao dao = h.attach(MessageDao.class);
      MessageDao.Access access = lockVisible(dao, ref, user);
      if (access.message().deleted()) {
        throw new ChatException(ErrorCode.VALIDATION, "a deleted message cannot take reactions");
      }
      long id = ref.conversationId().value();
      int changed = add ? dao.addReaction(id, ref.seq(), user.value(), emoji, Times.at(clock.nowMillis()))
          : dao.removeReaction(id, ref.seq(), user.value(), emoji);
      if (changed > 0) {
        h.attach(ChangeLog.class).record(id, null, "MESSAGE_UPDATED", ref.seq(), user.value(), user.value());
      }
      return reload(dao, ref).reactions();
    });
  }

  /** Locks the message and checks that {@code user} is a member who can see it. */
  private static MessageDao.Access lockVisible(MessageDao dao, MessageRef ref, UserId user) {
    MessageDao.Access access = dao.lockForUser(ref.conversationId().value(), ref.seq(), user.value())
        .orElseThrow(() -> new ChatException(ErrorCode.NOT_FOUND, "no message " + ref));
    if (access.role() == null && !SystemRole.SUPER_ADMIN.name().equals(access.systemRole())) {
      throw new ChatException(ErrorCode.NOT_MEMBER, user + " is not a member of " + ref.conversationId());
    }
    return access;
  }

  private static Message reload(MessageDao dao, MessageRef ref) {
    List<MessageRow> rows = dao.rows(new long[] {ref.conversationId().value()}, new long[] {ref.seq()});
    return MessageLoader.hydrate(dao, rows).get(0);
  }

  private <T> T inTransaction(HandleCallback<T, RuntimeException> body) {
    return StoreErrors.translating(() -> jdbi.inTransaction(body));
  }
}
