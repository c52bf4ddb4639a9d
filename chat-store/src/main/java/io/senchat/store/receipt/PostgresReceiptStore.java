package io.senchat.store.receipt;

import io.senchat.domain.common.ChatException;
import io.senchat.domain.common.ErrorCode;
import io.senchat.domain.conversation.ConversationId;
import io.senchat.domain.user.UserId;
import io.senchat.store.internal.ChangeLog;
import io.senchat.store.internal.StoreErrors;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jdbi.v3.core.Jdbi;

/** {@link ReceiptStore} backed by PostgreSQL; every raised mark is a change event for all members. */
final class PostgresReceiptStore implements ReceiptStore {

  private final Jdbi jdbi;

  PostgresReceiptStore(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  static void registerMappers(Jdbi jdbi) {
    jdbi.registerRowMapper(ReceiptDao.Current.class, (rs, ctx) -> new ReceiptDao.Current(rs.getLong("conversation_id"),
        rs.getLong("last_delivered_seq"), rs.getLong("last_read_seq"), rs.getLong("last_seq")));
    jdbi.registerRowMapper(ReceiptMarks.class, (rs, ctx) -> new ReceiptMarks(
        ConversationId.of(rs.getLong("conversation_id")), UserId.of(rs.getLong("user_id")),
        rs.getLong("last_delivered_seq"), rs.getLong("last_read_seq")));
  }

  @Override
  public ReceiptMarks markDelivered(ConversationId id, UserId user, long seq) {
    return single(user, new ReceiptUpdate(id, seq, 0));
  }

  @Override
  public ReceiptMarks markRead(ConversationId id, UserId user, long seq) {
    return single(user, new ReceiptUpdate(id, seq, seq));
  }

  @Override
  public List<ReceiptMarks> mark(UserId user, List<ReceiptUpdate> updates) {
    if (updates.size() > MAX_BATCH) {
      throw new ChatException(ErrorCode.VALIDATION, "at most " + MAX_BATCH + " receipt updates per call");
    }
    if (updates.isEmpty()) {
      return List.of();
    }
    // Several updates of one conversation merge into their maxima.
    Map<Long, long[]> requested = new TreeMap<>();
    for (ReceiptUpdate update : updates) {
      long[] marks = requested.computeIfAbsent(update.conversationId().value(), k -> new long[2]);
      marks[0] = Math.max(marks[0], Math.max(update.deliveredSeq(), update.readSeq()));
      marks[1] = Math.max(marks[1], update.readSeq());
    }
    long[] ids = requested.keySet().stream().mapToLong(Long::longValue).toArray();
    return StoreErrors.translating(() -> jdbi.inTransaction(h -> {
      ReceiptDao dao = h.attach(ReceiptDao.class);
      List<ReceiptMarks> result = new ArrayList<>();
      List<long[]> raised = new ArrayList<>();
      List<long[]> events = new ArrayList<>();
      Map<Long, ReceiptDao.Current> current = new HashMap<>();
      for (ReceiptDao.Current row : dao.lock(user.value(), ids)) {
        current.put(row.conversationId(), row);
      }
      for (long id : ids) {
        ReceiptDao.Current now = current.get(id);
        if (now == null) {
          continue;
        }
        long[] want = requested.get(id);
        // Capped at last_seq: a client cannot acknowledge messages that do not exist yet.
        long read = Math.max(now.readSeq(), Math.min(want[1], now.lastSeq()));
        long delivered = Math.max(Math.max(now.deliveredSeq(), Math.min(want[0], now.lastSeq())), read);
        result.add(new ReceiptMarks(ConversationId.of(id), user, delivered, read));
        if (read > now.readSeq() || delivered > now.deliveredSeq()) {
          raised.add(new long[] {id, delivered, read});
          if (read > now.readSeq()) {
            events.add(new long[] {id, read, 1});
          }
          // A READ event already says "delivered up to here"; DELIVERED only when it says more.
          if (delivered > now.deliveredSeq() && delivered > read) {
            events.add(new long[] {id, delivered, 0});
          }
        }
      }
      if (!raised.isEmpty()) {
        dao.raise(user.value(), column(raised, 0), column(raised, 1), column(raised, 2));
        ChangeLog log = h.attach(ChangeLog.class);
        List<long[]> reads = events.stream().filter(e -> e[2] == 1).toList();
        List<long[]> deliveries = events.stream().filter(e -> e[2] == 0).toList();
        record(log, "READ", reads, user);
        record(log, "DELIVERED", deliveries, user);
      }
      return result;
    }));
  }

  @Override
  public List<ReceiptMarks> marks(ConversationId id) {
    return StoreErrors.translating(() -> jdbi.withExtension(ReceiptDao.class, dao -> dao.marks(id.value())));
  }

  private ReceiptMarks single(UserId user, ReceiptUpdate update) {
    List<ReceiptMarks> marks = mark(user, List.of(update));
    if (marks.isEmpty()) {
      throw new ChatException(ErrorCode.NOT_MEMBER, user + " is not a member of " + update.conversationId());
    }
    return marks.get(0);
  }

  private static void record(ChangeLog log, String kind, List<long[]> events, UserId user) {
    if (events.isEmpty()) {
      return;
    }
    int n = events.size();
    Long[] subjects = new Long[n];
    for (int i = 0; i < n; i++) {
      subjects[i] = user.value();
    }
    log.recordAll(kind, column(events, 0), new Long[n], column(events, 1), subjects, new Long[n]);
  }

  private static long[] column(List<long[]> rows, int index) {
    long[] values = new long[rows.size()];
    for (int i = 0; i < rows.size(); i++) {
      values[i] = rows.get(i)[index];
    }
    return values;
  }
}
