package io.senchat.store.sync;

import io.senchat.domain.conversation.ConversationId;
import io.senchat.domain.user.UserId;
import io.senchat.store.internal.Pages;
import io.senchat.store.internal.StoreErrors;
import io.senchat.store.internal.Times;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

/** {@link ChangeFeed} over the {@code change_event} table. */
final class PostgresChangeFeed implements ChangeFeed {

  private final Jdbi jdbi;

  PostgresChangeFeed(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  static void registerMappers(Jdbi jdbi) {
    jdbi.registerRowMapper(FeedPosition.class, (rs, ctx) -> new FeedPosition(rs.getLong("tx"), rs.getLong("id")));
    jdbi.registerRowMapper(ChangeEvent.class, PostgresChangeFeed::event);
  }

  @Override
  public FeedPosition head() {
    return StoreErrors.translating(() -> jdbi.withExtension(FeedDao.class, FeedDao::head))
        .orElse(FeedPosition.START);
  }

  @Override
  public ChangePage changesSince(UserId user, FeedPosition after, int limit) {
    int bounded = Pages.limit(limit, MAX_LIMIT);
    List<ChangeEvent> rows = StoreErrors.translating(() -> jdbi.withExtension(FeedDao.class,
        dao -> dao.changesSince(user.value(), after.tx(), after.id(), bounded + 1)));
    boolean hasMore = rows.size() > bounded;
    List<ChangeEvent> events = hasMore ? rows.subList(0, bounded) : rows;
    FeedPosition next = events.isEmpty() ? after : events.get(events.size() - 1).position();
    return new ChangePage(events, next, hasMore);
  }

  private static ChangeEvent event(ResultSet rs, StatementContext ctx) throws SQLException {
    return new ChangeEvent(new FeedPosition(rs.getLong("tx"), rs.getLong("id")),
        ChangeKind.valueOf(rs.getString("kind")), ConversationId.of(rs.getLong("conversation_id")),
        rs.getLong("seq"), user(rs, "subject_user_id"), user(rs, "actor_user_id"), user(rs, "audience_user_id"),
        Times.millis(rs, "created_at"));
  }

  private static UserId user(ResultSet rs, String column) throws SQLException {
    long value = rs.getLong(column);
    return rs.wasNull() ? null : UserId.of(value);
  }
}
