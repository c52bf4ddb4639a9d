package io.senchat.domain.offline;

import static io.senchat.domain.Fixtures.CONV;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.senchat.domain.message.OutgoingMessage;
import io.senchat.domain.offline.OfflineQueue.Offer;
import io.senchat.domain.offline.OfflineQueue.Outcome;
import io.senchat.domain.offline.OfflineQueue.WhenFull;
import java.util.List;
import org.junit.jupiter.api.Test;

class OfflineQueueTest {

  private static OutgoingMessage msg(String clientId) {
    return OutgoingMessage.text(CONV, clientId, "text " + clientId);
  }

  private static OfflineQueue filled(OfflineQueue queue, int count) {
    for (int i = 0; i < count; i++) {
      Offer offer = queue.offer(msg("m" + i));
      assertEquals(Outcome.ADDED, offer.outcome());
      queue = offer.queue();
    }
    return queue;
  }

  private static List<String> ids(OfflineQueue queue) {
    return queue.inSendOrder().stream().map(OutgoingMessage::clientId).toList();
  }

  @Test
  void defaultQueueHolds100AndRejectsThe101st() {
    OfflineQueue queue = filled(OfflineQueue.empty(), 100);
    assertEquals(100, queue.size());
    assertTrue(queue.isFull());
    Offer offer = queue.offer(msg("one-too-many"));
    assertEquals(Outcome.REJECTED_FULL, offer.outcome());
    assertFalse(offer.accepted());
    assertSame(queue, offer.queue());
    assertNull(offer.dropped());
  }

  @Test
  void the100thMessageIsStillAccepted() {
    OfflineQueue queue = filled(OfflineQueue.empty(), 99);
    assertFalse(queue.isFull());
    assertEquals(Outcome.ADDED, queue.offer(msg("m99")).outcome());
  }

  @Test
  void dropOldestMakesRoomAndHandsBackTheDroppedMessage() {
    OfflineQueue queue = filled(OfflineQueue.empty(100, WhenFull.DROP_OLDEST), 100);
    Offer offer = queue.offer(msg("new"));
    assertEquals(Outcome.ADDED_DROPPED_OLDEST, offer.outcome());
    assertTrue(offer.accepted());
    assertEquals("m0", offer.dropped().clientId());
    assertEquals(100, offer.queue().size());
    assertEquals("m1", ids(offer.queue()).get(0));
    assertEquals("new", ids(offer.queue()).get(99));
  }

  @Test
  void reofferingAClientIdReplacesInPlaceEvenWhenFull() {
    for (WhenFull policy : WhenFull.values()) {
      OfflineQueue queue = filled(OfflineQueue.empty(100, policy), 100);
      OutgoingMessage edited = OutgoingMessage.text(CONV, "m5", "edited");
      Offer offer = queue.offer(edited);
      assertEquals(Outcome.REPLACED, offer.outcome());
      assertEquals(100, offer.queue().size());
      assertEquals("m5", ids(offer.queue()).get(5));
      assertEquals("edited", offer.queue().find("m5").orElseThrow().text());
    }
  }

  @Test
  void sendOrderIsFifoAndMessagesLeaveOnlyOnAck() {
    OfflineQueue queue = filled(OfflineQueue.empty(), 3);
    assertEquals(List.of("m0", "m1", "m2"), ids(queue));
    assertEquals(List.of("m0", "m1", "m2"), ids(queue));
    queue = queue.remove("m1");
    assertEquals(List.of("m0", "m2"), ids(queue));
    assertFalse(queue.contains("m1"));
    assertSame(queue, queue.remove("m1"));
  }

  @Test
  void snapshotsAreImmutable() {
    OfflineQueue empty = OfflineQueue.empty();
    OfflineQueue one = empty.offer(msg("a")).queue();
    assertTrue(empty.isEmpty());
    assertEquals(1, one.size());
    assertThrows(UnsupportedOperationException.class, () -> one.inSendOrder().add(msg("b")));
  }

  @Test
  void anAckAfterRejectionFreesRoom() {
    OfflineQueue queue = filled(OfflineQueue.empty(), 100);
    queue = queue.remove("m0");
    assertEquals(Outcome.ADDED, queue.offer(msg("later")).outcome());
  }

  @Test
  void badConfigurationIsRejected() {
    assertThrows(IllegalArgumentException.class, () -> OfflineQueue.empty(0, WhenFull.REJECT_NEW));
    assertThrows(IllegalArgumentException.class, () -> OfflineQueue.empty(5, null));
    assertEquals(100, OfflineQueue.empty().capacity());
    assertEquals(WhenFull.REJECT_NEW, OfflineQueue.empty().whenFull());
  }
}
