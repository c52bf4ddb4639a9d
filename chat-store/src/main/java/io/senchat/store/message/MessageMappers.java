package io.senchat.store.message;

import io.senchat.domain.message.Attachment;
import io.senchat.store.internal.Times;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

/** Row mappers of this package, registered on the shared Jdbi. */
final class MessageMappers {

  private MessageMappers() {
  }

  static void register(Jdbi jdbi) {
    jdbi.registerRowMapper(MessageRow.class, MessageMappers::message);
    jdbi.registerRowMapper(MessageDao.AppendStatus.class, (rs, ctx) ->
        new MessageDao.AppendStatus(rs.getLong("ordinal"), rs.getString("status"), nullableLong(rs, "seq")));
    jdbi.registerRowMapper(MessageDao.Access.class, (rs, ctx) ->
        new MessageDao.Access(message(rs, ctx), rs.getString("member_role"), rs.getString("user_system_role")));
    jdbi.registerRowMapper(MessageDao.MentionRow.class, (rs, ctx) ->
        new MessageDao.MentionRow(rs.getLong("conversation_id"), rs.getLong("seq"), nullableLong(rs, "user_id"),
            rs.getInt("start_index"), rs.getInt("length")));
    jdbi.registerRowMapper(MessageDao.ReactionRow.class, (rs, ctx) ->
        new MessageDao.ReactionRow(rs.getLong("conversation_id"), rs.getLong("seq"), rs.getString("emoji"),
            rs.getLong("user_id")));
    jdbi.registerRowMapper(MessageDao.HitRow.class, (rs, ctx) ->
        new MessageDao.HitRow(rs.getLong("position"), message(rs, ctx)));
    jdbi.registerRowMapper(MessageEdit.class, (rs, ctx) ->
        new MessageEdit(rs.getInt("version"), rs.getString("body"), Times.millis(rs, "written_at")));
  }

  static MessageRow message(ResultSet rs, StatementContext ctx) throws SQLException {
    String url = rs.getString("att_url");
    Attachment attachment = url == null ? null : new Attachment(rs.getString("att_name"), rs.getString("att_mime"),
        rs.getLong("att_size"), rs.getInt("att_width"), rs.getInt("att_height"), rs.getLong("att_duration_ms"), url,
        rs.getString("att_thumbnail_url"));
    return new MessageRow(rs.getLong("conversation_id"), rs.getLong("seq"), rs.getLong("sender_id"),
        rs.getString("client_id"), rs.getString("kind"), rs.getString("body"), rs.getString("sticker_id"),
        rs.getLong("reply_to_seq"), nullableLong(rs, "fwd_conversation_id"), nullableLong(rs, "fwd_seq"),
        nullableLong(rs, "fwd_sender_id"), attachment, Times.millis(rs, "sent_at"), Times.millis(rs, "edited_at"),
        rs.getObject("deleted_at") != null);
  }

  private static Long nullableLong(ResultSet rs, String column) throws SQLException {
    long value = rs.getLong(column);
    return rs.wasNull() ? null : value;
  }
}
