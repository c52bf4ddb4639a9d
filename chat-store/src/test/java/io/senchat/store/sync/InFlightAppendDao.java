package io.senchat.store.sync;

import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * Calls the store's own append function (migration V2) for one text message, so that a test can run it inside a
 * transaction it holds open: the append's statements are done, its xid and event id assigned, its commit pending.
 */
interface InFlightAppendDao {

  @SqlQuery("""
      SELECT seq FROM append_messages(
        ARRAY[:conversationId]::bigint[], ARRAY[:senderId]::bigint[], ARRAY[:clientId]::text[], ARRAY['TEXT'],
        ARRAY[:text]::text[], ARRAY[''], ARRAY[0]::bigint[], ARRAY[NULL]::bigint[], ARRAY[NULL]::bigint[],
        ARRAY[NULL]::bigint[], ARRAY[NULL]::text[], ARRAY[NULL]::text[], ARRAY[NULL]::bigint[],
        ARRAY[NULL]::integer[], ARRAY[NULL]::integer[], ARRAY[NULL]::bigint[], ARRAY[NULL]::text[],
        ARRAY[NULL]::text[], '{}'::integer[], '{}'::bigint[], '{}'::integer[], '{}'::integer[], true, now())
      """)
  long append(@Bind("conversationId") long conversationId, @Bind("senderId") long senderId,
      @Bind("clientId") String clientId, @Bind("text") String text);
}
