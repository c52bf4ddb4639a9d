package io.senchat.domain.client;

import static io.senchat.domain.client.ClientHarness.CONV;
import static io.senchat.domain.client.ClientHarness.OTHER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.senchat.domain.common.ErrorCode;
import io.senchat.domain.conversation.ConversationId;
import io.senchat.domain.message.Message;
import io.senchat.domain.presence.Presence;
import io.senchat.domain.presence.PresenceState;
import io.senchat.domain.protocol.ClientFrame;
import io.senchat.domain.protocol.DeleteScope;
import io.senchat.domain.protocol.HistoryDirection;
import io.senchat.domain.protocol.Inbound;
import io.senchat.domain.protocol.ReceiptMark;
import io.senchat.domain.protocol.ServerFrame;
import io.senchat.domain.protocol.ServerFrame.Ack;
import io.senchat.domain.protocol.ServerFrame.ErrorFrame;
import io.senchat.domain.protocol.ServerFrame.HistoryPage;
import io.senchat.domain.rules.Limits;
import io.senchat.domain.transport.CloseReason;
import io.senchat.domain.user.UserId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChatClientCommandsTest {

  private static final ConversationId OTHER_CONV = ConversationId.of(17);

  /** Records the outcome of one command. */
  private static final class Outcome<T extends ServerFrame> implements RequestCallback<T> {
    final List<T> replies = new ArrayList<>();
    final List<ErrorFrame> errors = new ArrayList<>();

    @Override
    public void onReply(T reply) {
      replies.add(reply);
    }

    @Override
    public void onError(ErrorFrame error) {
      errors.add(error);
    }
  }

  private static List<ReceiptMark> marks(Inbound inbound) {
    return ((ClientFrame.MarkReceipts) inbound.frame()).marks();
  }

  @Test
  void receiptMarksAreCoalescedAndFlushedAfterTheInterval() {
    ClientHarness h = new ClientHarness();
    FakeTransport transport = h.connect();
    h.client().markDelivered(CONV, 5);
    h.client().markRead(CONV, 5);
    h.client().markRead(CONV, 7);
    h.client().markRead(CONV, 6);
    h.client().markDelivered(OTHER_CONV, 3);
    h.time.advance(199);
    assertEquals(0, transport.sent(ClientFrame.MarkReceipts.TYPE).size());
    h.time.advance(1);

    assertEquals(1, transport.sent(ClientFrame.MarkReceipts.TYPE).size());
    assertEquals(List.of(new ReceiptMark(CONV, 5, 7), new ReceiptMark(OTHER_CONV, 3, 0)),
        marks(transport.lastSent(ClientFrame.MarkReceipts.TYPE)));
  }

  @Test
  void flushReceiptsSendsAtOnce() {
    ClientHarness h = new ClientHarness();
    FakeTransport transport = h.connect();
    h.client().markRead(CONV, 9);
    h.client().flushReceipts();
    assertEquals(List.of(new ReceiptMark(CONV, 0, 9)), marks(transport.lastSent(ClientFrame.MarkReceipts.TYPE)));
    h.time.advance(1_000);
    assertEquals(1, transport.sent(ClientFrame.MarkReceipts.TYPE).size(), "nothing left to flush");
  }

  @Test
  void marksMadeOfflineOrLostWithTheConnectionAreSentAfterTheNextWelcome() {
    ClientHarness h = new ClientHarness();
    h.client().markRead(CONV, 3);
    FakeTransport first = h.connect();
    assertEquals(List.of(new ReceiptMark(CONV, 0, 3)), marks(first.lastSent(ClientFrame.MarkReceipts.TYPE)));

    h.client().markRead(CONV, 4);
    h.client().flushReceipts();
    first.drop(CloseReason.ABNORMAL);
    h.client().markDelivered(OTHER_CONV, 8);
    FakeTransport second = h.reconnect();
    assertEquals(List.of(new ReceiptMark(CONV, 0, 4), new ReceiptMark(OTHER_CONV, 8, 0)),
        marks(second.lastSent(ClientFrame.MarkReceipts.TYPE)));
  }

  @Test
  void acknowledgedMarksAreNotSentAgain() {
    ClientHarness h = new ClientHarness();
    FakeTransport first = h.connect();
    h.client().markRead(CONV, 4);
    h.client().flushReceipts();
    first.deliver(first.lastSent(ClientFrame.MarkReceipts.TYPE).requestId(), Ack.EMPTY);
    first.drop(CloseReason.ABNORMAL);
    FakeTransport second = h.reconnect();
    assertEquals(0, second.sent(ClientFrame.MarkReceipts.TYPE).size());
  }

  @Test
  void typingStartsOnceStopsWhenIdleAndRefreshesWhileTyping() {
    ClientHarness h = new ClientHarness();
    FakeTransport transport = h.connect();
    h.client().typing(CONV);
    h.time.advance(1_000);
    h.client().typing(CONV);
    h.time.advance(1_000);
    h.client().typing(CONV);
    assertEquals(List.of(true), typingFlags(transport));

    h.time.advance(Limits.TYPING_IDLE_MILLIS - 1);
    assertEquals(List.of(true), typingFlags(transport));
    h.time.advance(1);
    assertEquals(List.of(true, false), typingFlags(transport));

    for (int i = 0; i < 6; i++) {
      h.client().typing(CONV);
      h.time.advance(1_000);
    }
    assertEquals(List.of(true, false, true, true), typingFlags(transport), "refreshed after five seconds");
  }

  @Test
  void sendingAMessageEndsTypingInItsConversation() {
    ClientHarness h = new ClientHarness();
    FakeTransport transport = h.connect();
    h.client().typing(CONV);
    h.client().send(ClientHarness.outgoing("c1"));
    assertEquals(List.of(true, false), typingFlags(transport));
    h.time.advance(10_000);
    assertEquals(List.of(true, false), typingFlags(transport));
  }

  @Test
  void typingOfflineSendsNothingAndLeavesNothingBehind() {
    ClientHarness h = new ClientHarness();
    h.client().typing(CONV);
    h.client().stopTyping(CONV);
    h.time.advance(10_000);
    assertEquals(0, h.time.liveTasks());
  }

  private static List<Boolean> typingFlags(FakeTransport transport) {
    return transport.sent(ClientFrame.SetTyping.TYPE).stream()
        .map(i -> ((ClientFrame.SetTyping) i.frame()).typing())
        .toList();
  }

  @Test
  void watchedPresenceIsSentAgainAfterEveryReconnect() {
    ClientHarness h = new ClientHarness();
    h.client().watchPresence(List.of(OTHER, UserId.of(3)));
    FakeTransport first = h.connect();
    assertEquals(List.of(OTHER, UserId.of(3)),
        ((ClientFrame.WatchPresence) first.lastSent(ClientFrame.WatchPresence.TYPE).frame()).userIds());
    first.deliverEvent(new ServerFrame.PresenceEvent(new Presence(OTHER, PresenceState.ONLINE, 0)));
    assertEquals(1, h.listener.events.size());

    first.drop(CloseReason.ABNORMAL);
    FakeTransport second = h.reconnect();
    assertEquals(1, second.sent(ClientFrame.WatchPresence.TYPE).size());

    h.client().watchPresence(List.of());
    assertEquals(List.of(), ((ClientFrame.WatchPresence) second.lastSent(ClientFrame.WatchPresence.TYPE).frame())
        .userIds());
    second.drop(CloseReason.ABNORMAL);
    assertEquals(0, h.reconnect().sent(ClientFrame.WatchPresence.TYPE).size(), "nobody to watch");
  }

  @Test
  void historyAnswersThroughItsCallback() {
    ClientHarness h = new ClientHarness();
    FakeTransport transport = h.connect();
    Outcome<HistoryPage> outcome = new Outcome<>();
    String id = h.client().history(CONV, HistoryDirection.BEFORE, 0, 50, outcome);
    Inbound request = transport.lastSent(ClientFrame.FetchHistory.TYPE);
    assertEquals(id, request.requestId());

    Message m = ClientHarness.message(1, OTHER, "o1");
    HistoryPage page = new HistoryPage(CONV, List.of(m), false, true);
    transport.deliver(id, page);
    assertEquals(List.of(page), outcome.replies);
    assertTrue(h.listener.events.isEmpty(), "history pages are not feed events");
  }

  @Test
  void aCommandWhileOfflineFailsAsynchronouslyAsUnavailable() {
    ClientHarness h = new ClientHarness();
    Outcome<Ack> outcome = new Outcome<>();
    assertNull(h.client().react(CONV, 3, "👍", true, outcome));
    assertTrue(outcome.errors.isEmpty(), "not before the call returns");
    h.time.runDue();
    assertEquals(1, outcome.errors.size());
    assertEquals(ErrorCode.UNAVAILABLE, outcome.errors.get(0).errorCode());
    assertTrue(outcome.errors.get(0).retryable());
  }

  @Test
  void commandsGetTheirAckOrError() {
    ClientHarness h = new ClientHarness();
    FakeTransport transport = h.connect();
    Outcome<Ack> edit = new Outcome<>();
    Outcome<Ack> delete = new Outcome<>();
    String editId = h.client().edit(CONV, 3, "fixed", List.of(), edit);
    String deleteId = h.client().delete(CONV, 3, DeleteScope.EVERYONE, delete);
    transport.deliver(deleteId, ErrorFrame.of(ErrorCode.FORBIDDEN, "too late"));
    transport.deliver(editId, Ack.forMessage(CONV, 3));

    assertEquals(List.of(Ack.forMessage(CONV, 3)), edit.replies);
    assertEquals("forbidden", delete.errors.get(0).code());
  }

  @Test
  void aCommandLostWithTheConnectionFailsAsUnavailable() {
    ClientHarness h = new ClientHarness();
    FakeTransport transport = h.connect();
    Outcome<Ack> outcome = new Outcome<>();
    h.client().react(CONV, 3, "👍", true, outcome);
    transport.drop(CloseReason.ABNORMAL);
    assertEquals(ErrorCode.UNAVAILABLE, outcome.errors.get(0).errorCode());
  }

  @Test
  void anUnexpectedReplyTypeIsAnErrorNotACrash() {
    ClientHarness h = new ClientHarness();
    FakeTransport transport = h.connect();
    Outcome<HistoryPage> outcome = new Outcome<>();
    String id = h.client().history(CONV, HistoryDirection.AFTER, 0, 10, outcome);
    transport.deliver(id, Ack.EMPTY);
    assertEquals("bad_frame", outcome.errors.get(0).code());
  }
}
