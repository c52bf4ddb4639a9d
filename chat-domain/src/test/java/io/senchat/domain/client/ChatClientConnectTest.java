package io.senchat.domain.client;

import static io.senchat.domain.client.ClientHarness.BASE_URL;
import static io.senchat.domain.client.ClientHarness.batch;
import static io.senchat.domain.client.ClientHarness.messageNew;
import static io.senchat.domain.client.ClientHarness.welcomeFrame;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.senchat.domain.offline.OfflineQueue;
import io.senchat.domain.protocol.ClientFrame;
import io.senchat.domain.protocol.Inbound;
import io.senchat.domain.protocol.SyncToken;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChatClientConnectTest {

  private static final SyncToken PERSISTED = SyncToken.of(50, 2);

  @Test
  void connectsSaysHelloAndGoesOnlineOnWelcome() {
    ClientHarness h = new ClientHarness();
    assertEquals(ConnectionState.OFFLINE, h.client().status().state());

    h.client().start();
    assertEquals(ConnectionState.CONNECTING, h.client().status().state());
    FakeTransport transport = h.transport();
    assertEquals("token-1", transport.accessToken);
    assertEquals(List.of(BASE_URL), h.factory.baseUrls);
    assertTrue(transport.connectCalled());
    assertTrue(transport.sent().isEmpty(), "nothing before the transport opens");

    transport.open();
    Inbound hello = transport.lastSent("hello");
    ClientFrame.Hello frame = (ClientFrame.Hello) hello.frame();
    assertEquals("token-1", frame.token());
    assertNull(frame.syncToken(), "a fresh client has no position");
    assertEquals("dev-1", frame.deviceId());
    assertEquals("senchat-test/1", frame.clientVersion());
    assertTrue(hello.requestId() != null);

    transport.deliver(hello.requestId(), welcomeFrame(SyncToken.of(100, 0)));
    assertEquals(ConnectionState.ONLINE, h.client().status().state());
    assertEquals(List.of(ConnectionState.CONNECTING, ConnectionState.ONLINE), h.listener.states());
  }

  @Test
  void aFreshClientStartsAtTheHeadOfTheFeed() {
    ClientHarness h = new ClientHarness();
    h.connect();

    assertEquals(SyncToken.of(100, 0), h.client().syncToken());
    assertEquals(List.of(SyncToken.of(100, 0)), h.store.savedTokens);
    assertEquals(1, h.listener.sessions.size());
    assertFalse(h.listener.sessions.get(0).resumed(), "no position: the application loads history");
    assertEquals(1, h.listener.caughtUp);
    assertEquals(List.of("hello"), h.transport().sentTypes(), "no sync for a fresh client");
  }

  @Test
  void helloCarriesThePersistedTokenAndTheServerReplaysAfterWelcome() {
    ClientHarness h = new ClientHarness(new InMemoryClientStateStore(PERSISTED, OfflineQueue.empty()));
    h.client().start();
    FakeTransport transport = h.transport();
    transport.open();
    assertEquals(PERSISTED, ((ClientFrame.Hello) transport.lastSent("hello").frame()).syncToken());

    h.welcome(transport, SyncToken.of(100, 0));
    assertTrue(h.listener.sessions.get(0).resumed());
    assertEquals(0, h.listener.caughtUp, "the replay is still to come");
    assertEquals(List.of("hello"), transport.sentTypes(), "the server sends the first batch by itself");

    transport.deliverEvent(batch(SyncToken.of(51, 0), false, messageNew(1), messageNew(2)));
    assertEquals(List.of("42:1", "42:2"), h.listener.newMessages());
    assertEquals(SyncToken.of(51, 0), h.store.loadSyncToken());
    assertEquals(1, h.listener.caughtUp);
  }

  @Test
  void anUnpromptedWelcomeMakesTheClientAskForTheReplayItself() {
    // A transport that authenticated the connection gets welcome without having to wait for hello's answer.
    ClientHarness h = new ClientHarness(new InMemoryClientStateStore(PERSISTED, OfflineQueue.empty()));
    h.client().start();
    FakeTransport transport = h.transport();
    transport.open();
    transport.deliverEvent(welcomeFrame(SyncToken.of(100, 0)));

    assertEquals(ConnectionState.ONLINE, h.client().status().state());
    ClientFrame.Sync sync = (ClientFrame.Sync) transport.lastSent("sync").frame();
    assertEquals(PERSISTED, sync.syncToken());
    assertEquals(ClientOptions.DEFAULT_SYNC_BATCH_LIMIT, sync.limit());

    // The answer to hello, a second welcome, changes nothing.
    h.welcome(transport, SyncToken.of(100, 0));
    assertEquals(1, h.listener.sessions.size());
    assertEquals(1, transport.sent("sync").size());
  }

  @Test
  void unknownFrameTypesAreSkippedSilently() {
    ClientHarness h = new ClientHarness();
    FakeTransport transport = h.connect();
    transport.deliverRaw("{\"v\":1,\"type\":\"sticker.pack.updated\",\"data\":{\"id\":3}}");
    transport.deliverRaw("{\"v\":1,\"type\":\"message.new\",\"data\":{}}");

    assertEquals(ConnectionState.ONLINE, h.client().status().state());
    assertEquals(1, h.listener.serverErrors.size(), "only the malformed known frame is reported");
    assertEquals("bad_frame", h.listener.serverErrors.get(0).code());
  }

  @Test
  void closeStopsEverything() {
    ClientHarness h = new ClientHarness();
    FakeTransport transport = h.connect();
    h.client().close();

    assertTrue(transport.closedByClient());
    assertEquals(ConnectionState.OFFLINE, h.client().status().state());
    h.time.advance(3_600_000);
    assertEquals(1, h.factory.count(), "no reconnect after close");
    assertEquals(0, h.time.liveTasks(), "no timer left behind");
  }

  @Test
  void startAfterCloseConnectsAgain() {
    ClientHarness h = new ClientHarness();
    h.connect();
    h.client().close();
    h.client().start();
    assertEquals(2, h.factory.count());
    assertEquals(ConnectionState.CONNECTING, h.client().status().state());
  }

  @Test
  void requestIdsAreUniqueAndCarryARandomPrefix() {
    RequestIds ids = new RequestIds(() -> 0.5);
    String first = ids.next();
    String second = ids.next();
    assertFalse(first.equals(second));
    assertEquals(first.substring(0, first.indexOf('.')), second.substring(0, second.indexOf('.')));
    assertEquals(7, first.indexOf('.') + 1);
    assertFalse(new RequestIds(() -> 0.1).next().equals(first), "another engine, another prefix");
  }
}
