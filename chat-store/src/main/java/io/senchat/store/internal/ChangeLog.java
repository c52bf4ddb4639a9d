package io.senchat.store.internal;

import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * Writes change-feed events; stores attach it to the handle of the transaction that makes the change, so the event
 * commits (or rolls back) with it. Kinds are {@code io.senchat.store.sync.ChangeKind} names.
 */
public interface ChangeLog {

  /** Records one event; {@code audience} null means every member of the conversation. */
  @SqlUpdate("""
      INSERT INTO change_event (conversation_id, audience_user_id, kind, seq, subject_user_id, actor_user_id)
      VALUES (:conversationId, CAST(:audience AS bigint), :kind, :seq, CAST(:subject AS bigint),
              CAST(:actor AS bigint))
      """)
  void record(@Bind("conversationId") long conversationId, @Bind("audience") Long audience,
      @Bind("kind") String kind, @Bind("seq") long seq, @Bind("subject") Long subject, @Bind("actor") Long actor);

  /** Records many events of one kind, in array order. */
  @SqlUpdate("""
      INSERT INTO change_event (conversation_id, audience_user_id, kind, seq, subject_user_id, actor_user_id)
      SELECT e.conversation_id, e.audience, :kind, e.seq, e.subject, e.actor
      FROM unnest(CAST(:conversationIds AS bigint[]), CAST(:audiences AS bigint[]), CAST(:seqs AS bigint[]),
                  CAST(:subjects AS bigint[]), CAST(:actors AS bigint[]))
           WITH ORDINALITY AS e(conversation_id, audience, seq, subject, actor, n)
      ORDER BY e.n
      """)
  void recordAll(@Bind("kind") String kind, @Bind("conversationIds") long[] conversationIds,
      @Bind("audiences") Long[] audiences, @Bind("seqs") long[] seqs, @Bind("subjects") Long[] subjects,
      @Bind("actors") Long[] actors);
}
