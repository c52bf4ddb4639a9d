package io.senchat.store.sync;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** SQL for reading the change feed. */
interface FeedDao {

  @SqlQuery("""
      SELECT e.tx::text::bigint AS tx, e.id
      FROM change_event e
      WHERE e.tx < pg_snapshot_xmin(pg_current_snapshot())
      ORDER BY e.tx DESC, e.id DESC
      LIMIT 1
      """)
  Optional<FeedPosition> head();

  // Two index-driven parts: the user's private events, and per current membership the conversation-wide events
  // (each part already limited), merged by (tx, id). The horizon is computed once per statement.
  @SqlQuery("""
      WITH horizon AS MATERIALIZED (
        SELECT pg_snapshot_xmin(pg_current_snapshot()) AS xmin, CAST(CAST(:afterTx AS text) AS xid8) AS after_tx
      )
      SELECT x.tx::text::bigint AS tx, x.id, x.conversation_id, x.audience_user_id, x.kind, x.seq,
             x.subject_user_id, x.actor_user_id, x.created_at
      FROM (
        (SELECT e.*
         FROM change_event e, horizon h
         WHERE e.audience_user_id = :userId
           AND (e.tx, e.id) > (h.after_tx, :afterId)
           AND e.tx < h.xmin
         ORDER BY e.tx, e.id
         LIMIT :limit)
        UNION ALL
        (SELECT e.*
         FROM conversation_member m
         CROSS JOIN horizon h
         CROSS JOIN LATERAL (
           SELECT c.* FROM change_event c
           WHERE c.conversation_id = m.conversation_id
             AND c.audience_user_id IS NULL
             AND (c.tx, c.id) > (h.after_tx, :afterId)
             AND c.tx < h.xmin
           ORDER BY c.tx, c.id
           LIMIT :limit) e
         WHERE m.user_id = :userId)
      ) x
      ORDER BY x.tx, x.id
      LIMIT :limit
      """)
  List<ChangeEvent> changesSince(@Bind("userId") long userId, @Bind("afterTx") long afterTx,
      @Bind("afterId") long afterId, @Bind("limit") int limit);
}
