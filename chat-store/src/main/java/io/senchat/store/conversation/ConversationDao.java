package io.senchat.store.conversation;

import io.senchat.domain.conversation.Conversation;
import io.senchat.domain.conversation.Member;
import io.senchat.domain.conversation.MemberState;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL for conversations, members and member state. */
interface ConversationDao {

  /** A conversation with the columns the domain record does not carry. */
  record ConversationRow(Conversation conversation, int memberCount, long lastActivityMillis) {
  }

  /** The acting user's standing: role in the conversation (null when not a member) and installation role. */
  record ActorRow(String role, String systemRole) {
  }

  /** A list row before its last message is loaded. */
  record SummaryRow(ConversationRow conversation, String role, MemberState state, Long peerId, int unreadCount,
      long lastVisibleSeq) {
  }

  @SqlQuery("""
      INSERT INTO conversation (kind, title, avatar_url, post_audience, add_members_audience, pin_messages_audience,
                                change_info_audience, created_by, created_at, last_activity_at)
      VALUES ('GROUP', :title, :avatarUrl, :post, :addMembers, :pinMessages, :changeInfo, :creator, :now, :now)
      RETURNING *
      """)
  ConversationRow insertGroup(@Bind("title") String title, @Bind("avatarUrl") String avatarUrl,
      @Bind("post") String post, @Bind("addMembers") String addMembers, @Bind("pinMessages") String pinMessages,
      @Bind("changeInfo") String changeInfo, @Bind("creator") long creator, @Bind("now") OffsetDateTime now);

  // ON CONFLICT waits for a concurrent insert of the same pair to commit, then does nothing; the caller then
  // reads the winner's row in a new statement.
  @SqlQuery("""
      INSERT INTO conversation (kind, created_by, created_at, last_activity_at, direct_low, direct_high)
      VALUES ('DIRECT', :creator, :now, :now, :low, :high)
      ON CONFLICT (direct_low, direct_high) DO NOTHING
      RETURNING *
      """)
  Optional<ConversationRow> insertDirect(@Bind("creator") long creator, @Bind("low") long low,
      @Bind("high") long high, @Bind("now") OffsetDateTime now);

  @SqlQuery("SELECT * FROM conversation WHERE direct_low = :low AND direct_high = :high")
  Optional<ConversationRow> findDirect(@Bind("low") long low, @Bind("high") long high);

  @SqlQuery("SELECT * FROM conversation WHERE id = :id")
  Optional<ConversationRow> find(@Bind("id") long id);

  // Every membership, role or settings change takes this lock first (appends take it too), which serialises them
  // per conversation and keeps lock order (conversation, then member rows) the same everywhere.
  @SqlQuery("SELECT * FROM conversation WHERE id = :id FOR NO KEY UPDATE")
  Optional<ConversationRow> lock(@Bind("id") long id);

  @SqlQuery("""
      SELECT (SELECT m.role FROM conversation_member m WHERE m.conversation_id = :id AND m.user_id = :actor) AS role,
             u.system_role
      FROM app_user u WHERE u.id = :actor
      """)
  Optional<ActorRow> actor(@Bind("id") long conversationId, @Bind("actor") long actor);

  @SqlQuery("""
      INSERT INTO conversation_member (conversation_id, user_id, role, joined_at, added_by)
      SELECT :id, u.user_id, u.role, :now, :actor
      FROM unnest(CAST(:userIds AS bigint[]), CAST(:roles AS text[])) WITH ORDINALITY AS u(user_id, role, n)
      ORDER BY u.n
      ON CONFLICT (conversation_id, user_id) DO NOTHING
      RETURNING *
      """)
  List<Member> insertMembers(@Bind("id") long conversationId, @Bind("userIds") long[] userIds,
      @Bind("roles") String[] roles, @Bind("actor") long actor, @Bind("now") OffsetDateTime now);

  @SqlQuery("""
      SELECT role FROM conversation_member WHERE conversation_id = :id AND user_id = :userId FOR UPDATE
      """)
  Optional<String> lockMemberRole(@Bind("id") long conversationId, @Bind("userId") long userId);

  @SqlUpdate("DELETE FROM conversation_member WHERE conversation_id = :id AND user_id = :userId")
  int deleteMember(@Bind("id") long conversationId, @Bind("userId") long userId);

  @SqlQuery("""
      UPDATE conversation_member SET role = 'OWNER'
      WHERE (conversation_id, user_id) = (
        SELECT conversation_id, user_id FROM conversation_member
        WHERE conversation_id = :id
        ORDER BY role = 'ADMIN' DESC, joined_at, user_id
        LIMIT 1)
      RETURNING user_id
      """)
  Optional<Long> promoteSuccessor(@Bind("id") long conversationId);

  @SqlQuery("""
      UPDATE conversation_member SET role = 'ADMIN' WHERE conversation_id = :id AND role = 'OWNER' RETURNING user_id
      """)
  List<Long> demoteOwner(@Bind("id") long conversationId);

  @SqlQuery("""
      UPDATE conversation_member SET role = :role WHERE conversation_id = :id AND user_id = :userId RETURNING *
      """)
  Member setRole(@Bind("id") long conversationId, @Bind("userId") long userId, @Bind("role") String role);

  @SqlQuery("SELECT * FROM conversation_member WHERE conversation_id = :id AND user_id = :userId")
  Optional<Member> findMember(@Bind("id") long conversationId, @Bind("userId") long userId);

  @SqlQuery("""
      SELECT DISTINCT other.user_id FROM conversation_member me
      JOIN conversation_member other ON other.conversation_id = me.conversation_id
      WHERE me.user_id = :userId AND other.user_id = ANY(:candidates)
      """)
  List<Long> sharingAConversation(@Bind("userId") long userId, @Bind("candidates") long[] candidates);

  @SqlQuery("""
      SELECT * FROM conversation_member WHERE conversation_id = :id
      ORDER BY CASE role WHEN 'OWNER' THEN 0 WHEN 'ADMIN' THEN 1 ELSE 2 END, joined_at, user_id
      """)
  List<Member> listMembers(@Bind("id") long conversationId);

  @SqlQuery("""
      UPDATE conversation SET
        title = coalesce(:title, title),
        avatar_url = coalesce(:avatarUrl, avatar_url),
        post_audience = coalesce(:post, post_audience),
        add_members_audience = coalesce(:addMembers, add_members_audience),
        pin_messages_audience = coalesce(:pinMessages, pin_messages_audience),
        change_info_audience = coalesce(:changeInfo, change_info_audience)
      WHERE id = :id
      RETURNING *
      """)
  ConversationRow updateInfo(@Bind("id") long id, @Bind("title") String title, @Bind("avatarUrl") String avatarUrl,
      @Bind("post") String post, @Bind("addMembers") String addMembers, @Bind("pinMessages") String pinMessages,
      @Bind("changeInfo") String changeInfo);

  @SqlQuery("SELECT * FROM conversation_member WHERE conversation_id = :id AND user_id = :userId")
  Optional<MemberState> findState(@Bind("id") long conversationId, @Bind("userId") long userId);

  @SqlQuery("""
      UPDATE conversation_member SET
        pinned = coalesce(CAST(:pinned AS boolean), pinned),
        muted_until = coalesce(CAST(:mutedUntil AS bigint), muted_until),
        archived = coalesce(CAST(:archived AS boolean), archived),
        hidden = coalesce(CAST(:hidden AS boolean), hidden)
      WHERE conversation_id = :id AND user_id = :userId
      RETURNING *
      """)
  Optional<MemberState> updateState(@Bind("id") long conversationId, @Bind("userId") long userId,
      @Bind("pinned") Boolean pinned, @Bind("mutedUntil") Long mutedUntil, @Bind("archived") Boolean archived,
      @Bind("hidden") Boolean hidden);

  @SqlQuery("""
      UPDATE conversation_member m SET cleared_through_seq = GREATEST(m.cleared_through_seq, c.last_seq)
      FROM conversation c
      WHERE c.id = m.conversation_id AND m.conversation_id = :id AND m.user_id = :userId
      RETURNING m.*
      """)
  Optional<MemberState> clearHistory(@Bind("id") long conversationId, @Bind("userId") long userId);

  // The page is chosen first; the per-row subqueries (bounded unread count, newest visible seq) run only for it.
  @SqlQuery("""
      SELECT p.*,
        (SELECT count(*) FROM (
           SELECT 1 FROM message x
           WHERE x.conversation_id = p.id
             AND x.seq > GREATEST(p.last_read_seq, p.cleared_through_seq)
             AND x.sender_id <> p.user_id
             AND x.deleted_at IS NULL
             AND NOT EXISTS (SELECT 1 FROM message_hidden h
                             WHERE h.user_id = p.user_id AND h.conversation_id = x.conversation_id AND h.seq = x.seq)
           LIMIT :unreadCap) u) AS unread_count,
        coalesce((SELECT x.seq FROM message x
           WHERE x.conversation_id = p.id
             AND x.seq > p.cleared_through_seq
             AND NOT EXISTS (SELECT 1 FROM message_hidden h
                             WHERE h.user_id = p.user_id AND h.conversation_id = x.conversation_id AND h.seq = x.seq)
           ORDER BY x.seq DESC
           LIMIT 1), 0) AS last_visible_seq
      FROM (
        SELECT c.*, m.conversation_id, m.user_id, m.role AS member_role, m.pinned, m.muted_until, m.archived,
               m.hidden, m.last_delivered_seq, m.last_read_seq, m.cleared_through_seq,
               CASE WHEN c.direct_low = m.user_id THEN c.direct_high ELSE c.direct_low END AS peer_id
        FROM conversation_member m JOIN conversation c ON c.id = m.conversation_id
        WHERE m.user_id = :userId
          AND CASE :filter
                WHEN 'INBOX' THEN NOT m.archived AND NOT m.hidden
                WHEN 'ARCHIVED' THEN m.archived AND NOT m.hidden
                WHEN 'HIDDEN' THEN m.hidden
                ELSE true END
          AND (CAST(:afterId AS bigint) IS NULL
               OR (m.pinned, c.last_activity_at, c.id)
                  < (CAST(:afterPinned AS boolean), CAST(:afterAt AS timestamptz), CAST(:afterId AS bigint)))
        ORDER BY m.pinned DESC, c.last_activity_at DESC, c.id DESC
        LIMIT :limit
      ) p
      ORDER BY p.pinned DESC, p.last_activity_at DESC, p.id DESC
      """)
  List<SummaryRow> list(@Bind("userId") long userId, @Bind("filter") String filter,
      @Bind("afterPinned") Boolean afterPinned, @Bind("afterAt") OffsetDateTime afterAt,
      @Bind("afterId") Long afterId, @Bind("limit") int limit, @Bind("unreadCap") int unreadCap);
}
