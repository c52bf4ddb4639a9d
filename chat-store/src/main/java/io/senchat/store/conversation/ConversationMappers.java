package io.senchat.store.conversation;

import io.senchat.domain.conversation.Audience;
import io.senchat.domain.conversation.Conversation;
import io.senchat.domain.conversation.ConversationId;
import io.senchat.domain.conversation.ConversationKind;
import io.senchat.domain.conversation.GroupSettings;
import io.senchat.domain.conversation.Member;
import io.senchat.domain.conversation.MemberRole;
import io.senchat.domain.conversation.MemberState;
import io.senchat.domain.user.UserId;
import io.senchat.store.internal.Times;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

/** Row mappers of this package, registered on the shared Jdbi. */
final class ConversationMappers {

  private ConversationMappers() {
  }

  static void register(Jdbi jdbi) {
    jdbi.registerRowMapper(ConversationDao.ConversationRow.class, ConversationMappers::conversationRow);
    jdbi.registerRowMapper(Member.class, ConversationMappers::member);
    jdbi.registerRowMapper(MemberState.class, ConversationMappers::state);
    jdbi.registerRowMapper(ConversationDao.ActorRow.class,
        (rs, ctx) -> new ConversationDao.ActorRow(rs.getString("role"), rs.getString("system_role")));
    jdbi.registerRowMapper(ConversationDao.SummaryRow.class, ConversationMappers::summary);
  }

  static ConversationDao.ConversationRow conversationRow(ResultSet rs, StatementContext ctx) throws SQLException {
    GroupSettings settings = new GroupSettings(Audience.valueOf(rs.getString("post_audience")),
        Audience.valueOf(rs.getString("add_members_audience")), Audience.valueOf(rs.getString("pin_messages_audience")),
        Audience.valueOf(rs.getString("change_info_audience")));
    Conversation conversation = new Conversation(ConversationId.of(rs.getLong("id")),
        ConversationKind.valueOf(rs.getString("kind")), rs.getString("title"), rs.getString("avatar_url"), settings,
        UserId.of(rs.getLong("created_by")), rs.getLong("last_seq"), Times.millis(rs, "created_at"));
    return new ConversationDao.ConversationRow(conversation, rs.getInt("member_count"),
        Times.millis(rs, "last_activity_at"));
  }

  static Member member(ResultSet rs, StatementContext ctx) throws SQLException {
    return new Member(ConversationId.of(rs.getLong("conversation_id")), UserId.of(rs.getLong("user_id")),
        MemberRole.valueOf(rs.getString("role")), Times.millis(rs, "joined_at"));
  }

  static MemberState state(ResultSet rs, StatementContext ctx) throws SQLException {
    return new MemberState(ConversationId.of(rs.getLong("conversation_id")), UserId.of(rs.getLong("user_id")),
        rs.getBoolean("pinned"), rs.getLong("muted_until"), rs.getBoolean("archived"), rs.getBoolean("hidden"),
        rs.getLong("last_delivered_seq"), rs.getLong("last_read_seq"), rs.getLong("cleared_through_seq"));
  }

  private static ConversationDao.SummaryRow summary(ResultSet rs, StatementContext ctx) throws SQLException {
    long peer = rs.getLong("peer_id");
    Long peerId = rs.wasNull() ? null : peer;
    return new ConversationDao.SummaryRow(conversationRow(rs, ctx), rs.getString("member_role"), state(rs, ctx),
        peerId, rs.getInt("unread_count"), rs.getLong("last_visible_seq"));
  }
}
