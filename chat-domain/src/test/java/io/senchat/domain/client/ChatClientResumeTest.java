package io.senchat.domain.client;

import static io.senchat.domain.client.ClientHarness.CONV;
import static io.senchat.domain.client.ClientHarness.OTHER;
import static io.senchat.domain.client.ClientHarness.batch;
import static io.senchat.domain.client.ClientHarness.message;
import static io.senchat.domain.client.ClientHarness.messageNew;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.senchat.domain.common.ErrorCode;
import io.senchat.domain.offline.OfflineQueue;
import io.senchat.domain.protocol.ClientFrame;
import io.senchat.domain.protocol.Inbound;
import io.senchat.domain.protocol.ServerFrame;
import io.senchat.domain.protocol.ServerFrame.ErrorFrame;
import io.senchat.domain.protocol.ServerFrame.MessageUpdated;
import io.senchat.domain.protocol.ServerFrame.ReceiptEvent;
import io.senchat.domain.protocol.SyncToken;
import io.senchat.domain.transport.CloseReason;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChatClientResumeTest {

  private static final SyncToken T0 = SyncToken.of(10, 0);
  private static final SyncToken T1 = SyncToken.of(11, 0);
  private static final SyncToken T2 = SyncToken.of(12, 0);
  private static final SyncToken T3 = SyncToken.of(13, 0);

  private static ClientHarness resuming() {
    return new ClientHarness(new InMemoryClientStateStore(T0, OfflineQueue.empty()));
  }

  @Test
  void theResumeLoopPagesUntilHasMoreIsFalseAndPersistsTheTokenAfterEachPage() {
    ClientHarness h = resuming();
    FakeTransport transport = h.connect();

    transport.deliverEvent(batch(T1, true, messageNew(1), messageNew(2)));
    assertEquals(List.of(T1), h.store.savedTokens);
    ClientFrame.Sync second = (ClientFrame.Sync) transport.lastSent("sync").frame();
    assertEquals(T1, second.syncToken());
    assertEquals(0, h.listener.caughtUp);

    transport.deliver(transport.lastSent("sync").requestId(), batch(T2, true, messageNew(3)));
    assertEquals(List.of(T1, T2), h.store.savedTokens);
    assertEquals(T2, ((ClientFrame.Sync) transport.lastSent("sync").frame()).syncToken());

    transport.deliver(transport.lastSent("sync").requestId(), batch(T3, false, messageNew(4)));
    assertEquals(List.of(T1, T2, T3), h.store.savedTokens);
    assertEquals(2, transport.sent("sync").size(), "no sync after hasMore=false");
    assertEquals(1, h.listener.caughtUp);
    assertEquals(List.of("42:1", "42:2", "42:3", "42:4"), h.listener.newMessages());
    assertEquals(T3, h.client().syncToken());
  }

  @Test
  void theTokenIsPersistedOnlyAfterTheBatchsEventsWereHandedOver() {
    List<SyncToken> storedDuringEvents = new ArrayList<>();
    ClientHarness[] holder = new ClientHarness[1];
    RecordingListener listener = new RecordingListener() {
      @Override
      public void onEvent(ServerFrame event) {
        super.onEvent(event);
        storedDuringEvents.add(holder[0].store.loadSyncToken());
      }
    };
    ClientHarness h = new ClientHarness(new InMemoryClientStateStore(T0, OfflineQueue.empty()), listener);
    holder[0] = h;
    FakeTransport transport = h.connect();
    transport.deliverEvent(batch(T1, false, messageNew(1), messageNew(2)));
    assertEquals(List.of(T0, T0), storedDuringEvents);
    assertEquals(T1, h.store.loadSyncToken());
  }

  @Test
  void aReplayOfWhatWasSeenLiveDoesNotDeliverMessageNewTwice() {
    ClientHarness h = resuming();
    FakeTransport first = h.connect();
    first.deliverEvent(batch(T1, false));
    first.deliverEvent(messageNew(10));
    first.deliverEvent(messageNew(11));
    assertEquals(List.of("42:10", "42:11"), h.listener.newMessages());

    first.drop(CloseReason.ABNORMAL);
    FakeTransport second = h.reconnect();
    assertEquals(T1, ((ClientFrame.Hello) second.lastSent("hello").frame()).syncToken());
    MessageUpdated edit = new MessageUpdated(message(10, OTHER, "o10"));
    second.deliverEvent(batch(T2, false, messageNew(10), messageNew(11), edit, messageNew(12)));

    assertEquals(List.of("42:10", "42:11", "42:12"), h.listener.newMessages());
    assertTrue(h.listener.events.contains(edit), "other feed events are delivered: applying them again is harmless");
  }

  @Test
  void theServersEchoOfOurOwnSendIsDeliveredOnce() {
    ClientHarness h = new ClientHarness();
    FakeTransport first = h.connect();
    h.client().send(ClientHarness.outgoing("c1"));
    ServerFrame.MessageNew echo = new ServerFrame.MessageNew(message(5, ClientHarness.ME, "c1"));
    first.deliverEvent(echo);
    first.drop(CloseReason.ABNORMAL);
    FakeTransport second = h.reconnect();
    second.deliverEvent(batch(T1, false, echo));
    assertEquals(List.of("42:5"), h.listener.newMessages());
  }

  @Test
  void aServerThatCannotResumeMakesTheClientStartOverAsAFreshOne() {
    ClientHarness h = resuming();
    FakeTransport first = h.connect();
    first.deliverEvent(ErrorFrame.of(ErrorCode.NOT_FOUND, "token too old"));

    assertTrue(first.closedByClient());
    assertEquals(1, h.store.clears);
    assertNull(h.store.loadSyncToken());
    assertEquals(2, h.factory.count(), "reconnects at once, no backoff");
    FakeTransport second = h.transport();
    second.open();
    assertNull(((ClientFrame.Hello) second.lastSent("hello").frame()).syncToken());
    h.welcome(second, SyncToken.of(200, 0));
    assertFalse(h.listener.sessions.get(1).resumed(), "the application discards its caches and loads history");
    assertEquals(SyncToken.of(200, 0), h.store.loadSyncToken());
  }

  @Test
  void notFoundInAnswerToSyncStartsOverToo() {
    ClientHarness h = resuming();
    FakeTransport first = h.connect();
    first.deliverEvent(batch(T1, true));
    Inbound sync = first.lastSent("sync");
    first.deliver(sync.requestId(), ErrorFrame.of(ErrorCode.NOT_FOUND, "gone"));
    assertNull(h.store.loadSyncToken());
    assertEquals(2, h.factory.count());
  }

  @Test
  void aRetryableSyncErrorReconnectsAndResumesFromTheLastPersistedPage() {
    ClientHarness h = resuming();
    FakeTransport first = h.connect();
    first.deliverEvent(batch(T1, true, messageNew(1)));
    first.deliver(first.lastSent("sync").requestId(), ErrorFrame.of(ErrorCode.UNAVAILABLE, "busy"));
    assertEquals(ConnectionState.RECONNECTING, h.client().status().state());
    FakeTransport second = h.reconnect();
    assertEquals(T1, ((ClientFrame.Hello) second.lastSent("hello").frame()).syncToken());
  }

  @Test
  void aMissingReplayIsTreatedAsADeadConnection() {
    ClientHarness h = resuming();
    FakeTransport first = h.connect();
    h.time.advance(ClientOptions.DEFAULT_REQUEST_TIMEOUT_MILLIS);
    assertTrue(first.closedByClient());
    assertEquals(ConnectionState.RECONNECTING, h.client().status().state());
  }

  @Test
  void checkpointsWithoutEventsMoveThePosition() {
    ClientHarness h = resuming();
    FakeTransport transport = h.connect();
    transport.deliverEvent(batch(T1, false));
    transport.deliverEvent(messageNew(1));
    transport.deliverEvent(new ReceiptEvent(CONV, OTHER, 1, 1));
    transport.deliverEvent(batch(T2, false));
    assertEquals(T2, h.store.loadSyncToken());
    assertEquals(1, h.listener.caughtUp, "caught up once per connection");
  }

  @Test
  void eventsAfterTheApplicationClosedTheClientAreNotPersisted() {
    ClientHarness[] holder = new ClientHarness[1];
    RecordingListener listener = new RecordingListener() {
      @Override
      public void onEvent(ServerFrame event) {
        super.onEvent(event);
        holder[0].client().close();
      }
    };
    ClientHarness h = new ClientHarness(new InMemoryClientStateStore(T0, OfflineQueue.empty()), listener);
    holder[0] = h;
    FakeTransport transport = h.connect();
    transport.deliverEvent(batch(T1, false, messageNew(1), messageNew(2)));
    assertEquals(1, h.listener.events.size(), "nothing after close");
    assertEquals(T0, h.store.loadSyncToken(), "the batch will be replayed");
  }
}
