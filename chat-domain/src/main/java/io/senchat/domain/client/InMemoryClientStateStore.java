package io.senchat.domain.client;

import io.senchat.domain.offline.OfflineQueue;
import io.senchat.domain.protocol.SyncToken;

/** A {@link ClientStateStore} that lives as long as the process: for bots, load generators and tests. */
public final class InMemoryClientStateStore implements ClientStateStore {

  private SyncToken syncToken;
  private OfflineQueue queue;

  /** A fresh client with an empty default queue. */
  public InMemoryClientStateStore() {
    this(null, OfflineQueue.empty());
  }

  /** A client that already has a position ({@code null}: none) and unsent messages. */
  public InMemoryClientStateStore(SyncToken syncToken, OfflineQueue queue) {
    if (queue == null) {
      throw new IllegalArgumentException("queue must not be null");
    }
    this.syncToken = syncToken;
    this.queue = queue;
  }

  @Override
  public SyncToken loadSyncToken() {
    return syncToken;
  }

  @Override
  public void saveSyncToken(SyncToken token) {
    if (token == null) {
      throw new IllegalArgumentException("token must not be null; use clearSyncToken()");
    }
    syncToken = token;
  }

  @Override
  public void clearSyncToken() {
    syncToken = null;
  }

  @Override
  public OfflineQueue loadOfflineQueue() {
    return queue;
  }

  @Override
  public void saveOfflineQueue(OfflineQueue newQueue) {
    if (newQueue == null) {
      throw new IllegalArgumentException("queue must not be null");
    }
    queue = newQueue;
  }
}
