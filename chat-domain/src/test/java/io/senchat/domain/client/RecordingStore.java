package io.senchat.domain.client;

import io.senchat.domain.message.OutgoingMessage;
import io.senchat.domain.offline.OfflineQueue;
import io.senchat.domain.protocol.SyncToken;
import java.util.ArrayList;
import java.util.List;

/** An in-memory store that also logs every save, into a journal the test may share with a transport. */
final class RecordingStore implements ClientStateStore {

  final InMemoryClientStateStore inner;
  final List<SyncToken> savedTokens = new ArrayList<>();
  final List<String> journal;
  int clears;

  RecordingStore(InMemoryClientStateStore inner, List<String> journal) {
    this.inner = inner;
    this.journal = journal;
  }

  @Override
  public SyncToken loadSyncToken() {
    return inner.loadSyncToken();
  }

  @Override
  public void saveSyncToken(SyncToken token) {
    savedTokens.add(token);
    journal.add("token " + token);
    inner.saveSyncToken(token);
  }

  @Override
  public void clearSyncToken() {
    clears++;
    journal.add("token cleared");
    inner.clearSyncToken();
  }

  @Override
  public OfflineQueue loadOfflineQueue() {
    return inner.loadOfflineQueue();
  }

  @Override
  public void saveOfflineQueue(OfflineQueue queue) {
    journal.add("queue " + queue.inSendOrder().stream().map(OutgoingMessage::clientId).toList());
    inner.saveOfflineQueue(queue);
  }
}
