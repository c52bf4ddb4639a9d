package io.senchat.store.receipt;

import java.util.List;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL for receipt marks. */
interface ReceiptDao {

  /** Current marks of one membership, with the conversation's last seq for capping. */
  record Current(long conversationId, long deliveredSeq, long readSeq, long lastSeq) {
  }

  // Locks the member rows in conversation order (the one order every receipt transaction uses), so the marks read
  // here are the ones the update below replaces, and a concurrent mark waits instead of being lost.
  @SqlQuery("""
      SELECT m.conversation_id, m.last_delivered_seq, m.last_read_seq, c.last_seq
      FROM conversation_member m JOIN conversation c ON c.id = m.conversation_id
      WHERE m.user_id = :userId AND m.conversation_id = ANY(CAST(:ids AS bigint[]))
      ORDER BY m.conversation_id
      FOR NO KEY UPDATE OF m
      """)
  List<Current> lock(@Bind("userId") long userId, @Bind("ids") long[] conversationIds);

  @SqlUpdate("""
      UPDATE conversation_member m
      SET last_delivered_seq = GREATEST(m.last_delivered_seq, d.delivered),
          last_read_seq = GREATEST(m.last_read_seq, d.read)
      FROM unnest(CAST(:ids AS bigint[]), CAST(:delivered AS bigint[]), CAST(:read AS bigint[]))
           AS d(conversation_id, delivered, read)
      WHERE m.conversation_id = d.conversation_id AND m.user_id = :userId
      """)
  int raise(@Bind("userId") long userId, @Bind("ids") long[] conversationIds, @Bind("delivered") long[] delivered,
      @Bind("read") long[] read);

  @SqlQuery("""
      SELECT conversation_id, user_id, last_delivered_seq, last_read_seq FROM conversation_member
      WHERE conversation_id = :id ORDER BY user_id
      """)
  List<ReceiptMarks> marks(@Bind("id") long conversationId);
}
