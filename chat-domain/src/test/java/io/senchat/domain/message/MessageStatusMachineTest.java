package io.senchat.domain.message;

import static io.senchat.domain.message.MessageStatus.DELIVERED;
import static io.senchat.domain.message.MessageStatus.FAILED;
import static io.senchat.domain.message.MessageStatus.READ;
import static io.senchat.domain.message.MessageStatus.SENDING;
import static io.senchat.domain.message.MessageStatus.SENT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.senchat.domain.Randomized;
import io.senchat.domain.message.MessageStatusMachine.Event;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MessageStatusMachineTest {

  @ParameterizedTest(name = "{0} + {1} -> {2}")
  @CsvSource({
      "SENDING, ACKED, SENT",
      "SENDING, DELIVERED, DELIVERED",
      "SENDING, READ, READ",
      "SENDING, SEND_FAILED, FAILED",
      "SENDING, RETRY, SENDING",
      "SENT, ACKED, SENT",
      "SENT, DELIVERED, DELIVERED",
      "SENT, READ, READ",
      "SENT, SEND_FAILED, SENT",
      "SENT, RETRY, SENT",
      "DELIVERED, ACKED, DELIVERED",
      "DELIVERED, DELIVERED, DELIVERED",
      "DELIVERED, READ, READ",
      "DELIVERED, SEND_FAILED, DELIVERED",
      "DELIVERED, RETRY, DELIVERED",
      "READ, ACKED, READ",
      "READ, DELIVERED, READ",
      "READ, READ, READ",
      "READ, SEND_FAILED, READ",
      "READ, RETRY, READ",
      "FAILED, ACKED, SENT",
      "FAILED, DELIVERED, DELIVERED",
      "FAILED, READ, READ",
      "FAILED, SEND_FAILED, FAILED",
      "FAILED, RETRY, SENDING",
  })
  void transitionTable(MessageStatus current, Event event, MessageStatus expected) {
    assertEquals(expected, MessageStatusMachine.next(current, event));
  }

  @Test
  void deliveredArrivingAfterReadIsIgnored() {
    assertEquals(READ, MessageStatusMachine.next(READ, Event.DELIVERED));
  }

  @Test
  void receiptsMayOvertakeTheAckSoSendingCanSkipToRead() {
    assertEquals(READ, MessageStatusMachine.next(SENDING, Event.READ));
  }

  @Test
  void failedIsReachableOnlyFromSending() {
    for (MessageStatus status : MessageStatus.values()) {
      MessageStatus next = MessageStatusMachine.next(status, Event.SEND_FAILED);
      assertEquals(status == SENDING || status == FAILED ? FAILED : status, next, status.name());
    }
  }

  @Test
  void advanceMapsTargetsToEvents() {
    assertEquals(SENT, MessageStatusMachine.advance(SENDING, SENT));
    assertEquals(READ, MessageStatusMachine.advance(DELIVERED, READ));
    assertEquals(READ, MessageStatusMachine.advance(READ, DELIVERED));
    assertEquals(FAILED, MessageStatusMachine.advance(SENDING, FAILED));
    assertEquals(SENT, MessageStatusMachine.advance(SENT, FAILED));
    assertEquals(SENDING, MessageStatusMachine.advance(FAILED, SENDING));
    assertEquals(DELIVERED, MessageStatusMachine.advance(DELIVERED, SENDING));
  }

  @Test
  void nullsAreProgrammingErrors() {
    assertThrows(IllegalArgumentException.class, () -> MessageStatusMachine.next(null, Event.ACKED));
    assertThrows(IllegalArgumentException.class, () -> MessageStatusMachine.next(SENT, null));
    assertThrows(IllegalArgumentException.class, () -> MessageStatusMachine.advance(SENT, null));
  }

  @Test
  void statusNeverGoesBackwardsUnderAnySequenceOfEvents() {
    Event[] events = Event.values();
    Randomized.forAll(500, random -> {
      MessageStatus status = SENDING;
      for (int i = 0; i < 30; i++) {
        Event event = events[random.nextInt(events.length)];
        MessageStatus next = MessageStatusMachine.next(status, event);
        assertTrue(next.rank() >= status.rank(), status + " + " + event + " -> " + next);
        if (status.rank() > 0) {
          assertNotEquals(FAILED, next, "a message the server has can never become FAILED");
          assertNotEquals(SENDING, next);
        }
        status = next;
      }
    });
  }
}
