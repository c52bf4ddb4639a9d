package io.senchat.store.message;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL for messages. Batch statements take parallel arrays and unnest them, one round trip per batch. */
interface MessageDao {

  /** What append_messages decided for one message (1-based ordinal); seq is null when rejected. */
  record AppendStatus(long ordinal, String status, Long seq) {
  }

  /** A user's standing towards one message, read under a lock on the message row. */
  record Access(MessageRow message, String role, String systemRole) {
  }

  /** One mention row. */
  record MentionRow(long conversationId, long seq, Long userId, int start, int length) {
  }

  /** One reaction row; rows come ordered by reaction id. */
  record ReactionRow(long conversationId, long seq, String emoji, long userId) {
  }

  /** A mention hit: the mention's id and its message. */
  record HitRow(long position, MessageRow message) {
  }

  // The append protocol lives in the append_messages function (migration V2) so that a send, or a whole batch, is
  // one round trip in autocommit mode and the conversation row lock is never held across client round trips.
  @SqlQuery("""
      SELECT ordinal, status, seq FROM append_messages(
        CAST(:conversationIds AS bigint[]), CAST(:senders AS bigint[]), CAST(:clientIds AS text[]),
        CAST(:kinds AS text[]), CAST(:bodies AS text[]), CAST(:stickers AS text[]), CAST(:replyTo AS bigint[]),
        CAST(:fwdConversations AS bigint[]), CAST(:fwdSeqs AS bigint[]), CAST(:fwdSenders AS bigint[]),
        CAST(:attNames AS text[]), CAST(:attMimes AS text[]), CAST(:attSizes AS bigint[]),
        CAST(:attWidths AS integer[]), CAST(:attHeights AS integer[]), CAST(:attDurations AS bigint[]),
        CAST(:attUrls AS text[]), CAST(:attThumbnails AS text[]),
        CAST(:mentionOrdinals AS integer[]), CAST(:mentionUsers AS bigint[]), CAST(:mentionStarts AS integer[]),
        CAST(:mentionLengths AS integer[]), :allOrNothing, :now)
      """)
  List<AppendStatus> append(@Bind("conversationIds") long[] conversationIds, @Bind("senders") long[] senders,
      @Bind("clientIds") String[] clientIds, @Bind("kinds") String[] kinds, @Bind("bodies") String[] bodies,
      @Bind("stickers") String[] stickers, @Bind("replyTo") long[] replyTo,
      @Bind("fwdConversations") Long[] fwdConversations, @Bind("fwdSeqs") Long[] fwdSeqs,
      @Bind("fwdSenders") Long[] fwdSenders, @Bind("attNames") String[] attNames,
      @Bind("attMimes") String[] attMimes, @Bind("attSizes") Long[] attSizes, @Bind("attWidths") Integer[] attWidths,
      @Bind("attHeights") Integer[] attHeights, @Bind("attDurations") Long[] attDurations,
      @Bind("attUrls") String[] attUrls, @Bind("attThumbnails") String[] attThumbnails,
      @Bind("mentionOrdinals") int[] mentionOrdinals, @Bind("mentionUsers") Long[] mentionUsers,
      @Bind("mentionStarts") int[] mentionStarts, @Bind("mentionLengths") int[] mentionLengths,
      @Bind("allOrNothing") boolean allOrNothing, @Bind("now") OffsetDateTime now);

  @SqlUpdate("""
      INSERT INTO message_mention (conversation_id, seq, user_id, start_index, length)
      SELECT r.conversation_id, r.seq, r.user_id, r.start_index, r.length
      FROM unnest(CAST(:conversationIds AS bigint[]), CAST(:seqs AS bigint[]), CAST(:userIds AS bigint[]),
                  CAST(:starts AS integer[]), CAST(:lengths AS integer[])) WITH ORDINALITY
           AS r(conversation_id, seq, user_id, start_index, length, n)
      ORDER BY r.n
      """)
  int insertMentions(@Bind("conversationIds") long[] conversationIds, @Bind("seqs") long[] seqs,
      @Bind("userIds") Long[] userIds, @Bind("starts") int[] starts, @Bind("lengths") int[] lengths);

  @SqlQuery("""
      SELECT m.* FROM message m
      JOIN unnest(CAST(:conversationIds AS bigint[]), CAST(:seqs AS bigint[])) AS k(conversation_id, seq)
        ON m.conversation_id = k.conversation_id AND m.seq = k.seq
      """)
  List<MessageRow> rows(@Bind("conversationIds") long[] conversationIds, @Bind("seqs") long[] seqs);

  @SqlQuery("""
      SELECT mm.conversation_id, mm.seq, mm.user_id, mm.start_index, mm.length FROM message_mention mm
      JOIN unnest(CAST(:conversationIds AS bigint[]), CAST(:seqs AS bigint[])) AS k(conversation_id, seq)
        ON mm.conversation_id = k.conversation_id AND mm.seq = k.seq
      ORDER BY mm.id
      """)
  List<MentionRow> mentions(@Bind("conversationIds") long[] conversationIds, @Bind("seqs") long[] seqs);

  @SqlQuery("""
      SELECT r.conversation_id, r.seq, r.emoji, r.user_id FROM message_reaction r
      JOIN unnest(CAST(:conversationIds AS bigint[]), CAST(:seqs AS bigint[])) AS k(conversation_id, seq)
        ON r.conversation_id = k.conversation_id AND r.seq = k.seq
      ORDER BY r.id
      """)
  List<ReactionRow> reactions(@Bind("conversationIds") long[] conversationIds, @Bind("seqs") long[] seqs);

  @SqlQuery("""
      SELECT cleared_through_seq FROM conversation_member WHERE conversation_id = :id AND user_id = :reader
      """)
  Optional<Long> clearedThrough(@Bind("id") long conversationId, @Bind("reader") long reader);

  @SqlQuery("""
      SELECT m.* FROM message m
      WHERE m.conversation_id = :id AND m.seq > :above AND m.seq < :below
        AND NOT EXISTS (SELECT 1 FROM message_hidden h
                        WHERE h.user_id = :reader AND h.conversation_id = m.conversation_id AND h.seq = m.seq)
      ORDER BY m.seq DESC
      LIMIT :limit
      """)
  List<MessageRow> descending(@Bind("id") long conversationId, @Bind("reader") long reader,
      @Bind("above") long above, @Bind("below") long below, @Bind("limit") int limit);

  @SqlQuery("""
      SELECT m.* FROM message m
      WHERE m.conversation_id = :id AND m.seq > :above
        AND NOT EXISTS (SELECT 1 FROM message_hidden h
                        WHERE h.user_id = :reader AND h.conversation_id = m.conversation_id AND h.seq = m.seq)
      ORDER BY m.seq
      LIMIT :limit
      """)
  List<MessageRow> ascending(@Bind("id") long conversationId, @Bind("reader") long reader,
      @Bind("above") long above, @Bind("limit") int limit);

  @SqlQuery("""
      SELECT m.* FROM message m
      JOIN unnest(CAST(:conversationIds AS bigint[]), CAST(:seqs AS bigint[])) WITH ORDINALITY
           AS k(conversation_id, seq, n)
        ON m.conversation_id = k.conversation_id AND m.seq = k.seq
      JOIN conversation_member cm ON cm.conversation_id = m.conversation_id AND cm.user_id = :reader
      WHERE m.seq > cm.cleared_through_seq
        AND NOT EXISTS (SELECT 1 FROM message_hidden h
                        WHERE h.user_id = :reader AND h.conversation_id = m.conversation_id AND h.seq = m.seq)
      ORDER BY k.n
      """)
  List<MessageRow> visible(@Bind("reader") long reader, @Bind("conversationIds") long[] conversationIds,
      @Bind("seqs") long[] seqs);

  // Each branch applies every visibility rule before its limit, so pages are full whenever more hits exist. A
  // message is a hit at its newest mention of the user; the "o" check keeps it off later pages.
  @SqlQuery("""
      SELECT x.* FROM (
        (SELECT mm.id AS position, m.*
         FROM message_mention mm
         JOIN message m ON m.conversation_id = mm.conversation_id AND m.seq = mm.seq
         JOIN conversation_member cm ON cm.conversation_id = mm.conversation_id AND cm.user_id = :userId
         WHERE mm.user_id = :userId AND mm.id < :before
           AND m.deleted_at IS NULL AND m.seq > cm.cleared_through_seq
           AND NOT EXISTS (SELECT 1 FROM message_hidden h
                           WHERE h.user_id = :userId AND h.conversation_id = m.conversation_id AND h.seq = m.seq)
           AND NOT EXISTS (SELECT 1 FROM message_mention o
                           WHERE o.conversation_id = m.conversation_id AND o.seq = m.seq AND o.id >= :before
                             AND (o.user_id = :userId OR o.user_id IS NULL))
         ORDER BY mm.id DESC
         LIMIT :limit)
        UNION ALL
        (SELECT a.* FROM conversation_member cm
         CROSS JOIN LATERAL (
           SELECT mm.id AS position, m.*
           FROM message_mention mm
           JOIN message m ON m.conversation_id = mm.conversation_id AND m.seq = mm.seq
           WHERE mm.conversation_id = cm.conversation_id AND mm.user_id IS NULL AND mm.id < :before
             AND m.deleted_at IS NULL AND m.seq > cm.cleared_through_seq AND m.sender_id <> :userId
             AND NOT EXISTS (SELECT 1 FROM message_hidden h
                             WHERE h.user_id = :userId AND h.conversation_id = m.conversation_id AND h.seq = m.seq)
             AND NOT EXISTS (SELECT 1 FROM message_mention o
                             WHERE o.conversation_id = m.conversation_id AND o.seq = m.seq AND o.id >= :before
                               AND (o.user_id = :userId OR o.user_id IS NULL))
           ORDER BY mm.id DESC
           LIMIT :limit) a
         WHERE cm.user_id = :userId)
      ) x
      ORDER BY x.position DESC
      LIMIT :limit
      """)
  List<HitRow> mentioning(@Bind("userId") long userId, @Bind("before") long before, @Bind("limit") int limit);

  @SqlQuery("""
      SELECT version, body, written_at FROM message_edit WHERE conversation_id = :id AND seq = :seq ORDER BY version
      """)
  List<MessageEdit> edits(@Bind("id") long conversationId, @Bind("seq") long seq);

  // Locks the message row: edits, deletes and reactions of one message are serialised.
  @SqlQuery("""
      SELECT m.*,
             (SELECT cm.role FROM conversation_member cm
              WHERE cm.conversation_id = m.conversation_id AND cm.user_id = :userId) AS member_role,
             (SELECT u.system_role FROM app_user u WHERE u.id = :userId) AS user_system_role
      FROM message m
      WHERE m.conversation_id = :id AND m.seq = :seq
      FOR NO KEY UPDATE OF m
      """)
  Optional<Access> lockForUser(@Bind("id") long conversationId, @Bind("seq") long seq, @Bind("userId") long userId);

  @SqlUpdate("""
      INSERT INTO message_edit (conversation_id, seq, version, body, written_at)
      VALUES (:id, :seq,
              (SELECT coalesce(max(version), 0) + 1 FROM message_edit WHERE conversation_id = :id AND seq = :seq),
              :body, :writtenAt)
      """)
  void insertEdit(@Bind("id") long conversationId, @Bind("seq") long seq, @Bind("body") String body,
      @Bind("writtenAt") OffsetDateTime writtenAt);

  @SqlUpdate("""
      WITH gone AS (DELETE FROM message_mention WHERE conversation_id = :id AND seq = :seq)
      UPDATE message SET body = :body, edited_at = :now WHERE conversation_id = :id AND seq = :seq
      """)
  void updateBody(@Bind("id") long conversationId, @Bind("seq") long seq, @Bind("body") String body,
      @Bind("now") OffsetDateTime now);

  @SqlUpdate("""
      WITH mentions AS (DELETE FROM message_mention WHERE conversation_id = :id AND seq = :seq),
           reactions AS (DELETE FROM message_reaction WHERE conversation_id = :id AND seq = :seq),
           edits AS (DELETE FROM message_edit WHERE conversation_id = :id AND seq = :seq)
      UPDATE message SET body = '', sticker_id = '', fwd_conversation_id = NULL, fwd_seq = NULL,
                         fwd_sender_id = NULL, att_name = NULL, att_mime = NULL, att_size = NULL, att_width = NULL,
                         att_height = NULL, att_duration_ms = NULL, att_url = NULL, att_thumbnail_url = NULL,
                         deleted_at = :now, deleted_by = :actor
      WHERE conversation_id = :id AND seq = :seq
      """)
  void eraseForEveryone(@Bind("id") long conversationId, @Bind("seq") long seq, @Bind("actor") long actor,
      @Bind("now") OffsetDateTime now);

  @SqlUpdate("""
      INSERT INTO message_hidden (user_id, conversation_id, seq, hidden_at) VALUES (:userId, :id, :seq, :now)
      ON CONFLICT DO NOTHING
      """)
  int hide(@Bind("userId") long userId, @Bind("id") long conversationId, @Bind("seq") long seq,
      @Bind("now") OffsetDateTime now);

  @SqlUpdate("""
      INSERT INTO message_reaction (conversation_id, seq, user_id, emoji, reacted_at)
      VALUES (:id, :seq, :userId, :emoji, :now)
      ON CONFLICT DO NOTHING
      """)
  int addReaction(@Bind("id") long conversationId, @Bind("seq") long seq, @Bind("userId") long userId,
      @Bind("emoji") String emoji, @Bind("now") OffsetDateTime now);

  @SqlUpdate("""
      DELETE FROM message_reaction WHERE conversation_id = :id AND seq = :seq AND user_id = :userId AND emoji = :emoji
      """)
  int removeReaction(@Bind("id") long conversationId, @Bind("seq") long seq, @Bind("userId") long userId,
      @Bind("emoji") String emoji);
}
