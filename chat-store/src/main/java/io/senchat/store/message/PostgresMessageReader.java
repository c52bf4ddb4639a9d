package io.senchat.store.message;

import io.senchat.domain.common.ChatException;
import io.senchat.domain.common.ErrorCode;
import io.senchat.domain.conversation.ConversationId;
import io.senchat.domain.message.Message;
import io.senchat.domain.message.MessageRef;
import io.senchat.domain.user.UserId;
import io.senchat.store.internal.Pages;
import io.senchat.store.internal.StoreErrors;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;

/** {@link MessageReader} backed by PostgreSQL. */
final class PostgresMessageReader implements MessageReader {

  static final int MAX_MENTION_PAGE = 100;

  private final Jdbi jdbi;

  PostgresMessageReader(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  @Override
  public MessagePage history(ConversationId id, UserId reader, HistoryRequest request) {
    int limit = Pages.limit(request.limit(), request.direction() == HistoryRequest.Direction.AROUND
        ? MAX_PAGE / 2 : MAX_PAGE);
    return StoreErrors.translating(() -> jdbi.withExtension(MessageDao.class, dao -> {
      long conversation = id.value();
      long cleared = dao.clearedThrough(conversation, reader.value())
          .orElseThrow(() -> new ChatException(ErrorCode.NOT_MEMBER, reader + " is not a member of " + id));
      long user = reader.value();
      long anchor = request.seq();
      return switch (request.direction()) {
        case NEWEST -> {
          List<MessageRow> rows = dao.descending(conversation, user, cleared, Long.MAX_VALUE, limit + 1);
          yield page(dao, ascending(rows, limit), rows.size() > limit, false);
        }
        case BEFORE -> {
          List<MessageRow> rows = dao.descending(conversation, user, cleared, anchor, limit + 1);
          boolean newer = !dao.ascending(conversation, user, Math.max(cleared, anchor - 1), 1).isEmpty();
          yield page(dao, ascending(rows, limit), rows.size() > limit, newer);
        }
        case AFTER -> {
          List<MessageRow> rows = dao.ascending(conversation, user, Math.max(cleared, anchor), limit + 1);
          boolean older = !dao.descending(conversation, user, cleared, anchor + 1, 1).isEmpty();
          yield page(dao, rows.subList(0, Math.min(limit, rows.size())), older, rows.size() > limit);
        }
        case AROUND -> {
          List<MessageRow> before = dao.descending(conversation, user, cleared, anchor, limit + 1);
          // From the anchor on: the anchor itself (when visible) plus `limit` newer ones, plus one to probe.
          List<MessageRow> from = dao.ascending(conversation, user, Math.max(cleared, anchor - 1), limit + 2);
          int keep = !from.isEmpty() && from.get(0).seq() == anchor ? limit + 1 : limit;
          List<MessageRow> rows = new ArrayList<>(ascending(before, limit));
          rows.addAll(from.subList(0, Math.min(keep, from.size())));
          yield page(dao, rows, before.size() > limit, from.size() > keep);
        }
      };
    }));
  }

  @Override
  public List<Message> load(UserId reader, Collection<MessageRef> refs) {
    if (refs.isEmpty()) {
      return List.of();
    }
    if (refs.size() > MAX_PAGE) {
      throw new ChatException(ErrorCode.VALIDATION, "at most " + MAX_PAGE + " messages per load");
    }
    long[] conversations = new long[refs.size()];
    long[] seqs = new long[refs.size()];
    int i = 0;
    for (MessageRef ref : refs) {
      conversations[i] = ref.conversationId().value();
      seqs[i++] = ref.seq();
    }
    return StoreErrors.translating(() -> jdbi.withExtension(MessageDao.class,
        dao -> MessageLoader.hydrate(dao, dao.visible(reader.value(), conversations, seqs))));
  }

  @Override
  public List<MessageEdit> edits(MessageRef ref, UserId reader) {
    if (load(reader, List.of(ref)).isEmpty()) {
      throw new ChatException(ErrorCode.NOT_FOUND, "no message " + ref + " visible to " + reader);
    }
    return StoreErrors.translating(() -> jdbi.withExtension(MessageDao.class,
        dao -> dao.edits(ref.conversationId().value(), ref.seq())));
  }

  @Override
  public List<MentionHit> mentioning(UserId user, long before, int limit) {
    int bounded = Pages.limit(limit, MAX_MENTION_PAGE);
    long upper = before <= 0 ? Long.MAX_VALUE : before;
    return StoreErrors.translating(() -> jdbi.withExtension(MessageDao.class, dao -> {
      List<MessageDao.HitRow> hits = dao.mentioning(user.value(), upper, bounded);
      // A message mentioning the user twice (by name and @all) is one hit, at its newest mention.
      Set<MessageRef> seen = new HashSet<>();
      List<MessageDao.HitRow> unique = new ArrayList<>();
      List<MessageRow> rows = new ArrayList<>();
      for (MessageDao.HitRow hit : hits) {
        if (seen.add(new MessageRef(ConversationId.of(hit.message().conversationId()), hit.message().seq()))) {
          unique.add(hit);
          rows.add(hit.message());
        }
      }
      List<Message> messages = MessageLoader.hydrate(dao, rows);
      List<MentionHit> result = new ArrayList<>(unique.size());
      for (int i = 0; i < unique.size(); i++) {
        result.add(new MentionHit(unique.get(i).position(), messages.get(i)));
      }
      return result;
    }));
  }

  /** The first {@code limit} rows of a descending query, in ascending order. */
  private static List<MessageRow> ascending(List<MessageRow> descending, int limit) {
    List<MessageRow> rows = new ArrayList<>(descending.subList(0, Math.min(limit, descending.size())));
    Collections.reverse(rows);
    return rows;
  }

  private static MessagePage page(MessageDao dao, List<MessageRow> rows, boolean older, boolean newer) {
    return new MessagePage(MessageLoader.hydrate(dao, rows), older, newer);
  }
}
