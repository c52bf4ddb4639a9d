package io.senchat.domain.client;

import static io.senchat.domain.client.ClientHarness.ackFor;
import static io.senchat.domain.client.ClientHarness.outgoing;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.senchat.domain.common.ChatException;
import io.senchat.domain.common.ErrorCode;
import io.senchat.domain.message.OutgoingMessage;
import io.senchat.domain.offline.OfflineQueue;
import io.senchat.domain.protocol.ClientFrame;
import io.senchat.domain.protocol.Inbound;
import io.senchat.domain.protocol.ServerFrame.ErrorFrame;
import io.senchat.domain.protocol.SyncToken;
import io.senchat.domain.rules.Limits;
import io.senchat.domain.transport.CloseReason;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChatClientSendTest {

  @Test
  void aSentMessageIsPersistedBeforeItIsSentAndLeavesTheQueueOnAck() {
    ClientHarness h = new ClientHarness();
    FakeTransport transport = h.connect();
    h.factory.onClientFrame(frame -> h.journal.add("sent " + frame.frame().type()));
    h.journal.clear();

    h.client().send(outgoing("c1"));
    assertEquals(List.of("queue [c1]", "sent message.send"), h.journal);

    Inbound send = transport.lastSent(ClientFrame.SendMessage.TYPE);
    transport.deliver(send.requestId(), ackFor("c1", 1031));
    assertEquals(1, h.listener.acked.size());
    assertEquals("c1", h.listener.acked.get(0).message().clientId());
    assertEquals(1031, h.listener.acked.get(0).ack().seq());
    assertTrue(h.client().unsent().isEmpty());
    assertEquals("queue []", h.journal.get(h.journal.size() - 1));
  }

  @Test
  void messagesSentOfflineGoOutInOrderOnceConnected() {
    ClientHarness h = new ClientHarness();
    h.client().send(outgoing("c1"));
    h.client().send(outgoing("c2"));
    h.client().send(outgoing("c3"));
    assertEquals(0, h.factory.count(), "sending does not connect by itself");
    assertEquals(List.of("c1", "c2", "c3"), h.store.loadOfflineQueue().inSendOrder().stream()
        .map(OutgoingMessage::clientId).toList());

    FakeTransport transport = h.connect();
    assertEquals(List.of("c1"), transport.sentClientIds(), "one conversation: one message in flight at a time");
    assertEquals(List.of("c1", "c2", "c3"), ClientHarness.ackOneByOne(transport, 3, 1));
    assertEquals(List.of("hello", "message.send", "message.send", "message.send"), transport.sentTypes());
  }

  @Test
  void differentConversationsArePipelinedButEachKeepsItsOrderWhenTheHeadIsRefusedForAWhile() {
    ClientHarness h = new ClientHarness();
    FakeTransport transport = h.connect();
    h.client().send(outgoing("a1", 1));
    h.client().send(outgoing("a2", 1));
    h.client().send(outgoing("b1", 2));
    assertEquals(List.of("a1", "b1"), transport.sentClientIds());

    // a1 is rate limited: a2 must not overtake it, or the sender's messages would take seqs out of order.
    transport.deliver(transport.sent(ClientFrame.SendMessage.TYPE).get(0).requestId(),
        ErrorFrame.of(ErrorCode.RATE_LIMITED, "slow down"));
    assertEquals(List.of("a1", "b1"), transport.sentClientIds(), "nothing more while paused");
    h.time.advance(Limits.BACKOFF_BASE_MILLIS);
    assertEquals(List.of("a1", "b1", "a1"), transport.sentClientIds(), "the head again, a2 still behind it");
    Inbound retried = transport.lastSent(ClientFrame.SendMessage.TYPE);
    transport.deliver(retried.requestId(), ackFor("a1", 1));
    assertEquals(List.of("a1", "b1", "a1", "a2"), transport.sentClientIds());
  }

  @Test
  void unackedSendsGoOutAgainWithTheSameClientIdsAfterAReconnect() {
    ClientHarness h = new ClientHarness();
    FakeTransport first = h.connect();
    h.client().send(outgoing("c1"));
    h.client().send(outgoing("c2"));
    h.client().send(outgoing("c3"));
    assertEquals(List.of("c1"), first.sentClientIds());

    first.drop(CloseReason.ABNORMAL);
    assertEquals(ConnectionState.RECONNECTING, h.client().status().state());
    assertTrue(h.listener.failed.isEmpty(), "a lost connection fails nothing");
    assertEquals(3, h.client().unsent().size());

    FakeTransport second = h.reconnect();
    assertEquals(List.of("c1"), second.sentClientIds());
    // The server recognises the client ids and answers with the original seqs.
    assertEquals(List.of("c1", "c2", "c3"), ClientHarness.ackOneByOne(second, 3, 10));
    assertEquals(List.of("c1", "c2", "c3"), h.listener.ackedClientIds());
    assertTrue(h.client().unsent().isEmpty());
  }

  @Test
  void aLateAckFromTheOldConnectionIsIgnored() {
    ClientHarness h = new ClientHarness();
    FakeTransport first = h.connect();
    h.client().send(outgoing("c1"));
    Inbound oldSend = first.lastSent(ClientFrame.SendMessage.TYPE);
    first.drop(CloseReason.ABNORMAL);
    FakeTransport second = h.reconnect();
    ClientHarness.ackAll(second, second.sent(ClientFrame.SendMessage.TYPE), 5);
    assertEquals(1, h.listener.acked.size());

    // The transport contract forbids events after onClose; the engine ignores them anyway.
    first.deliverAfterClose(oldSend.requestId(), ackFor("c1", 5));
    first.deliverAfterClose(null, ClientHarness.messageNew(6));
    assertEquals(1, h.listener.acked.size());
    assertTrue(h.listener.events.isEmpty());
  }

  @Test
  void aFlushOfAHundredQueuedMessagesKeepsAtMost32InFlight() {
    OfflineQueue queue = OfflineQueue.empty();
    for (int i = 0; i < 100; i++) {
      // 50 conversations with two messages each: the second of each waits for the first's ack.
      queue = queue.offer(outgoing("m" + i, 1 + i % 50)).queue();
    }
    ClientHarness h = new ClientHarness(new InMemoryClientStateStore(null, queue));
    FakeTransport transport = h.connect();
    assertEquals(32, transport.sent(ClientFrame.SendMessage.TYPE).size());

    long seq = 1;
    int answered = 0;
    List<String> order = new ArrayList<>();
    while (answered < 100) {
      List<Inbound> sends = transport.sent(ClientFrame.SendMessage.TYPE);
      assertTrue(sends.size() - answered <= 32, "in flight: " + (sends.size() - answered));
      Inbound next = sends.get(answered);
      String clientId = ((ClientFrame.SendMessage) next.frame()).message().clientId();
      order.add(clientId);
      transport.deliver(next.requestId(), ackFor(clientId, seq++));
      answered++;
      int inFlight = transport.sent(ClientFrame.SendMessage.TYPE).size() - answered;
      assertEquals(Math.min(32, 100 - answered), inFlight, "each ack lets exactly one more out");
    }
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      expected.add("m" + i);
    }
    assertEquals(expected, order);
    assertEquals(expected, h.listener.ackedClientIds());
    assertEquals(100, transport.sent(ClientFrame.SendMessage.TYPE).size(), "nothing sent twice");
  }

  @Test
  void aNonRetryableRefusalFailsTheMessageAndRemovesIt() {
    ClientHarness h = new ClientHarness();
    FakeTransport transport = h.connect();
    h.client().send(outgoing("c1"));
    h.client().send(outgoing("c2"));
    Inbound first = transport.sent(ClientFrame.SendMessage.TYPE).get(0);
    transport.deliver(first.requestId(), ErrorFrame.of(ErrorCode.NOT_MEMBER, "not a member"));

    assertEquals(1, h.listener.failed.size());
    assertEquals("c1", h.listener.failed.get(0).message().clientId());
    assertEquals("not_member", h.listener.failed.get(0).error().code());
    assertEquals(List.of("c2"), h.client().unsent().stream().map(OutgoingMessage::clientId).toList());

    transport.drop(CloseReason.ABNORMAL);
    FakeTransport second = h.reconnect();
    assertEquals(List.of("c2"), second.sentClientIds(), "a failed message is not sent again");

    // The user retries it: it is queued behind c2 and sent again with the same client id.
    h.client().send(h.listener.failed.get(0).message());
    assertEquals(List.of("c2", "c1"), ClientHarness.ackOneByOne(second, 2, 1));
  }

  @Test
  void aRetryableRefusalKeepsTheMessageAndRetriesLater() {
    ClientHarness h = new ClientHarness();
    FakeTransport transport = h.connect();
    h.client().send(outgoing("c1"));
    Inbound send = transport.lastSent(ClientFrame.SendMessage.TYPE);
    transport.deliver(send.requestId(), ErrorFrame.of(ErrorCode.RATE_LIMITED, "slow down"));

    assertTrue(h.listener.failed.isEmpty());
    assertEquals(1, h.client().unsent().size());
    assertEquals(1, transport.sent(ClientFrame.SendMessage.TYPE).size(), "not at once");
    transport.deliver(null, new io.senchat.domain.protocol.ServerFrame.Pong());
    h.time.advance(500);
    assertEquals(List.of("c1", "c1"), transport.sentClientIds());
    transport.deliver(transport.lastSent(ClientFrame.SendMessage.TYPE).requestId(), ackFor("c1", 3));
    assertEquals(List.of("c1"), h.listener.ackedClientIds());
  }

  @Test
  void anUnknownNonRetryableCodeFailsTheMessageToo() {
    ClientHarness h = new ClientHarness();
    FakeTransport transport = h.connect();
    h.client().send(outgoing("c1"));
    transport.deliver(transport.lastSent(ClientFrame.SendMessage.TYPE).requestId(),
        new ErrorFrame("spam_detected", "a newer server's code", false));
    assertEquals("spam_detected", h.listener.failed.get(0).error().code());
  }

  @Test
  void anAckTimeoutReconnectsInsteadOfFailingTheMessage() {
    ClientHarness h = new ClientHarness();
    FakeTransport first = h.connect();
    h.client().send(outgoing("c1"));

    h.time.advance(ClientOptions.DEFAULT_REQUEST_TIMEOUT_MILLIS - 1);
    assertEquals(ConnectionState.ONLINE, h.client().status().state());
    h.time.advance(1);
    assertTrue(first.closedByClient(), "the connection is taken for dead");
    assertEquals(ConnectionState.RECONNECTING, h.client().status().state());
    assertEquals(Connector.REQUEST_TIMEOUT, h.client().status().lastClose());
    assertTrue(h.listener.failed.isEmpty());

    FakeTransport second = h.reconnect();
    assertEquals(List.of("c1"), second.sentClientIds());
  }

  @Test
  void aFullQueueRefusesNewMessages() {
    OfflineQueue full = OfflineQueue.empty(2, OfflineQueue.WhenFull.REJECT_NEW);
    ClientHarness h = new ClientHarness(new InMemoryClientStateStore(null, full));
    assertTrue(h.client().send(outgoing("c1")).accepted());
    assertTrue(h.client().send(outgoing("c2")).accepted());
    OfflineQueue.Offer third = h.client().send(outgoing("c3"));
    assertFalse(third.accepted());
    assertEquals(OfflineQueue.Outcome.REJECTED_FULL, third.outcome());
    assertEquals(2, h.client().unsent().size());
  }

  @Test
  void aMessageThatCanNeverBeSentIsRefusedBeforeItIsQueued() {
    ClientHarness h = new ClientHarness();
    assertThrows(IllegalArgumentException.class, () -> h.client().send(outgoing("no spaces allowed")));
    String huge = "x".repeat(70_000);
    assertThrows(ChatException.class, () -> h.client().send(OutgoingMessage.text(ClientHarness.CONV, "c1", huge)));
    assertTrue(h.client().unsent().isEmpty());
    assertTrue(h.journal.isEmpty(), "nothing persisted");
  }

  @Test
  void aQueuePersistedByAnotherRunIsFlushedOnConnect() {
    OfflineQueue queue = OfflineQueue.empty().offer(outgoing("old-1")).queue();
    ClientHarness h = new ClientHarness(new InMemoryClientStateStore(SyncToken.of(3, 0), queue));
    FakeTransport transport = h.connect();
    assertEquals(List.of("old-1"), transport.sentClientIds());
  }
}
