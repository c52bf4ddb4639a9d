package io.senchat.domain.client;

import io.senchat.domain.offline.OfflineQueue;
import io.senchat.domain.protocol.SyncToken;

/**
 * Where a client keeps what must survive a restart: its position in the change feed and its unsent messages. The
 * browser implements it on IndexedDB or localStorage; {@link InMemoryClientStateStore} serves bots and tests. Called
 * on the event loop; a save should be durable when it returns, or at least before the next save.
 */
public interface ClientStateStore {

  /** The persisted feed position, or {@code null} for a fresh client (or after the server refused to resume). */
  SyncToken loadSyncToken();

  /** Persists the position after the events of a batch were handed to the application. */
  void saveSyncToken(SyncToken token);

  /** Forgets the position: the next connection starts as a fresh client. */
  void clearSyncToken();

  /** The persisted unsent messages (an empty queue when there are none). */
  OfflineQueue loadOfflineQueue();

  /** Persists the unsent messages; called before a new message is sent and after each is acknowledged or refused. */
  void saveOfflineQueue(OfflineQueue queue);
}
