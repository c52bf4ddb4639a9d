package io.senchat.server.realtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.senchat.domain.client.ConnectionState;
import io.senchat.domain.client.ConnectionStatus;
import io.senchat.domain.common.ErrorCode;
import io.senchat.domain.conversation.ConversationId;
import io.senchat.domain.protocol.ServerFrame.ErrorFrame;
import io.senchat.domain.transport.CloseReason;
import io.senchat.domain.user.UserId;
import io.senchat.transport.ws.client.JdkWebSocketTransportFactory;
import io.senchat.transport.ws.client.WebSocketClientOptions;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * A server restart: everything acknowledged before it is in the database, clients are told to come back (1001, not
 * 1000, which would leave them offline), reconnect on their own to the new server and resume where they were.
 */
class RestartTest {

  @Test
  void aRestartLosesNothingAcknowledgedAndClientsComeBackOnTheirOwn() {
    try (TestStore db = TestStore.create(TestDatabase.embedded(), "RestartTest");
        ClientLoop loop = new ClientLoop("restart-clients")) {
      UserId a = db.newUser();
      UserId b = db.newUser();
      ConversationId chat = db.direct(a, b).id();
      JdkWebSocketTransportFactory transport = new JdkWebSocketTransportFactory(WebSocketClientOptions.defaults());
      RealtimeServer first = RealtimeServer.start(db.store(), 0, RealtimeOptions.defaults());
      RealtimeServer second = null;
      try {
        TestClient alice = new TestClient(first, transport, loop, a).connect();
        TestClient bob = new TestClient(first, transport, loop, b).connect();
        for (int i = 1; i <= 10; i++) {
          alice.send(chat, "before " + i);
        }
        alice.awaitAcks(10);
        bob.awaitReceived(chat, 10);
        bob.close();

        first.stop();
        alice.awaitState(ConnectionState.RECONNECTING);
        // Later failed attempts (connection refused while the server is down) report 1006; the first is the server's.
        ConnectionStatus reconnecting = alice.statuses().stream()
            .filter(s -> s.state() == ConnectionState.RECONNECTING).findFirst().orElseThrow();
        assertEquals(CloseReason.GOING_AWAY.code(), reconnecting.lastClose().code(), reconnecting.toString());
        assertEquals(10, db.messageRows(chat), "every acknowledged message is stored");

        second = RealtimeServer.start(db.store(), first.port(), RealtimeOptions.defaults());
        alice.awaitState(ConnectionState.ONLINE);
        for (int i = 1; i <= 5; i++) {
          alice.send(chat, "after " + i);
        }
        alice.awaitAcks(15);
        assertTrue(alice.statuses().stream().noneMatch(s -> s.state() == ConnectionState.OFFLINE
            || s.state() == ConnectionState.FAILED), "never gave up: " + alice.statuses());

        TestClient bobAgain = new TestClient(second, transport, loop, b, bob.state(), "dev-" + b.value());
        bobAgain.connect();
        bobAgain.awaitReceived(chat, 15);
        assertEquals(LongStream.rangeClosed(1, 15).boxed().toList(),
            RealtimeContract.seqs(bobAgain.received(chat)), "the whole feed since bob's position, once, in order");
        assertEquals(List.of(), alice.failures());
        assertEquals(List.of(ErrorCode.UNAVAILABLE), alice.serverErrors().stream().map(ErrorFrame::errorCode).toList(),
            "told why before the close");
        assertEquals(15, db.messageRows(chat));
        alice.close();
        bobAgain.close();
      } finally {
        first.close();
        if (second != null) {
          second.close();
        }
      }
    }
  }
}
