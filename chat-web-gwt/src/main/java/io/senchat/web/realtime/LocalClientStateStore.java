package io.senchat.web.realtime;

import io.senchat.domain.client.ClientStateStore;
import io.senchat.domain.message.OutgoingMessage;
import io.senchat.domain.offline.OfflineQueue;
import io.senchat.domain.protocol.ClientFrame;
import io.senchat.domain.protocol.Inbound;
import io.senchat.domain.protocol.ProtocolCodec;
import io.senchat.domain.protocol.SyncToken;
import io.senchat.domain.protocol.json.JsonArray;
import io.senchat.domain.protocol.json.JsonLimits;
import io.senchat.domain.protocol.json.JsonParser;
import io.senchat.domain.protocol.json.JsonString;
import io.senchat.domain.protocol.json.JsonValue;
import io.senchat.domain.protocol.json.JsonWriter;
import io.senchat.web.platform.KeyValueStore;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link ClientStateStore} on localStorage, per user: the sync token survives a reload (so the client resumes
 * instead of starting over) and so do the unsent messages (at most {@link OfflineQueue#empty()}'s 100). Each queued
 * message is stored as its {@code message.send} frame, so the protocol codec is the only serializer.
 */
final class LocalClientStateStore implements ClientStateStore {

  /** 100 frames of up to 64 KiB each. */
  private static final JsonLimits QUEUE_LIMITS = new JsonLimits(8 * 1024 * 1024, 4, 1000);

  private final KeyValueStore storage;
  private final String syncKey;
  private final String queueKey;

  LocalClientStateStore(KeyValueStore storage, long userId) {
    this.storage = storage;
    this.syncKey = "u" + userId + ".sync";
    this.queueKey = "u" + userId + ".outbox";
  }

  @Override
  public SyncToken loadSyncToken() {
    String text = storage.get(syncKey);
    try {
      return text == null || text.isEmpty() ? null : SyncToken.parse(text);
    } catch (RuntimeException corrupt) {
      return null;
    }
  }

  @Override
  public void saveSyncToken(SyncToken token) {
    storage.put(syncKey, token.toString());
  }

  @Override
  public void clearSyncToken() {
    storage.remove(syncKey);
  }

  @Override
  public OfflineQueue loadOfflineQueue() {
    OfflineQueue queue = OfflineQueue.empty();
    String text = storage.get(queueKey);
    if (text == null) {
      return queue;
    }
    try {
      JsonValue v = JsonParser.parse(text, QUEUE_LIMITS);
      if (v instanceof JsonArray a) {
        for (JsonValue e : a.elements()) {
          if (e instanceof JsonString s) {
            Inbound in = ProtocolCodec.decodeClient(s.value());
            if (in.frame() instanceof ClientFrame.SendMessage send && !queue.isFull()) {
              queue = queue.offer(send.message()).queue();
            }
          }
        }
      }
    } catch (RuntimeException corrupt) {
      // A corrupt entry loses the queue rather than the app; the messages still show as failed nowhere, so log.
      elemental2.dom.DomGlobal.console.warn("SenChat: discarding unreadable offline queue");
    }
    return queue;
  }

  @Override
  public void saveOfflineQueue(OfflineQueue queue) {
    if (queue.isEmpty()) {
      storage.remove(queueKey);
      return;
    }
    List<JsonValue> frames = new ArrayList<>();
    for (OutgoingMessage m : queue.inSendOrder()) {
      frames.add(new JsonString(ProtocolCodec.encodeClient(null, new ClientFrame.SendMessage(m))));
    }
    storage.put(queueKey, JsonWriter.write(new JsonArray(frames)));
  }
}
