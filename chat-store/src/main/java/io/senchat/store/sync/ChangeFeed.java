package io.senchat.store.sync;

import io.senchat.domain.user.UserId;

/**
 * Reads the change feed for one user: events of the conversations they are a member of now, plus events addressed
 * to them alone.
 *
 * <p>Positions are {@code (tx, id)}. Identity ids are assigned before commit, so ordering by id alone would let a
 * reader see id 101 while id 100 is still in flight and skip 100 forever. Only events whose transaction is older
 * than every running transaction ({@code tx < pg_snapshot_xmin(pg_current_snapshot())}) are returned, ordered by
 * {@code (tx, id)}: no event can later appear before a position already returned. The price is that one long
 * transaction anywhere in the cluster holds the feed back until it ends, so writers keep transactions short.
 *
 * <p>Retention: events are kept forever for now. Pruning (delete events older than N days, and answer a client
 * whose position is older than the oldest kept event with "full resync") is a later concern.
 */
public interface ChangeFeed {

  /** At most this many events per page. */
  int MAX_LIMIT = 1000;

  /**
   * The current position: every event before it is committed and visible. A fresh client takes it, loads the state
   * it needs, then follows {@link #changesSince} from it without replaying history.
   */
  FeedPosition head();

  /** Events after {@code after} visible to {@code user}, at most {@code limit} (capped at {@value #MAX_LIMIT}). */
  ChangePage changesSince(UserId user, FeedPosition after, int limit);
}
