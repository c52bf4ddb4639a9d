package io.senchat.server.sync;

import io.senchat.domain.protocol.ServerFrame.SyncBatch;
import io.senchat.domain.protocol.SyncToken;
import io.senchat.domain.user.UserId;

/** Reads a user's change feed as protocol frames, for {@code welcome} and {@code sync}. */
public interface FeedReplay {

  /** The head of the feed now: a fresh client starts from it. */
  SyncToken head();

  /**
   * The user's feed events after {@code after}, at most {@code limit}, each carrying the current state of what it
   * names, cut so that the frame stays under the protocol's server frame limit.
   *
   * @throws io.senchat.domain.common.ChatException NOT_FOUND when the feed cannot be resumed from {@code after}
   */
  SyncBatch replay(UserId userId, SyncToken after, int limit);
}
