package io.senchat.domain.unread;

import static io.senchat.domain.Fixtures.ALICE;
import static io.senchat.domain.Fixtures.CONV;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.senchat.domain.Randomized;
import io.senchat.domain.conversation.MemberState;
import io.senchat.domain.message.MessageStatus;
import org.junit.jupiter.api.Test;

class ReceiptMarksTest {

  @Test
  void marksMoveUp() {
    ReceiptMarks marks = ReceiptMarks.advance(ReceiptMarks.NONE, 5, 3, 10);
    assertEquals(new ReceiptMarks(5, 3), marks);
  }

  @Test
  void staleReceiptsChangeNothing() {
    ReceiptMarks marks = new ReceiptMarks(8, 6);
    assertSame(marks, ReceiptMarks.advance(marks, 4, 2, 10));
    assertSame(marks, ReceiptMarks.advance(marks, 0, 0, 10));
  }

  @Test
  void readImpliesDelivered() {
    assertEquals(new ReceiptMarks(7, 7), ReceiptMarks.advance(new ReceiptMarks(2, 1), 0, 7, 10));
  }

  @Test
  void marksNeverPassTheLastSeq() {
    assertEquals(new ReceiptMarks(10, 10), ReceiptMarks.advance(ReceiptMarks.NONE, 50, 40, 10));
  }

  @Test
  void aStaleLastSeqNeverLowersMarks() {
    assertEquals(new ReceiptMarks(8, 6), ReceiptMarks.advance(new ReceiptMarks(8, 6), 9, 9, 5));
  }

  @Test
  void negativeReceiptsAreIgnored() {
    assertEquals(new ReceiptMarks(3, 1), ReceiptMarks.advance(new ReceiptMarks(3, 1), -5, -1, 10));
  }

  @Test
  void readAboveDeliveredCannotBeBuilt() {
    assertThrows(IllegalArgumentException.class, () -> new ReceiptMarks(1, 2));
    assertThrows(IllegalArgumentException.class, () -> new ReceiptMarks(-1, 0));
  }

  @Test
  void marksRoundTripThroughMemberState() {
    MemberState state = MemberState.initial(CONV, ALICE);
    MemberState updated = new ReceiptMarks(9, 4).applyTo(state);
    assertEquals(9, updated.lastDeliveredSeq());
    assertEquals(4, updated.lastReadSeq());
    assertEquals(new ReceiptMarks(9, 4), ReceiptMarks.of(updated));
  }

  @Test
  void statusOfAMessageFollowsTheRecipientsMarks() {
    ReceiptMarks marks = new ReceiptMarks(8, 5);
    assertEquals(MessageStatus.READ, marks.statusOf(5));
    assertEquals(MessageStatus.DELIVERED, marks.statusOf(6));
    assertEquals(MessageStatus.DELIVERED, marks.statusOf(8));
    assertEquals(MessageStatus.SENT, marks.statusOf(9));
  }

  @Test
  void anySequenceOfReceiptsKeepsMarksMonotonicOrderedAndCapped() {
    Randomized.forAll(1000, random -> {
      ReceiptMarks marks = ReceiptMarks.NONE;
      long lastSeq = 0;
      for (int i = 0; i < 40; i++) {
        lastSeq += random.nextInt(3);
        ReceiptMarks next = ReceiptMarks.advance(marks, random.nextInt(60) - 5, random.nextInt(60) - 5, lastSeq);
        assertTrue(next.deliveredSeq() >= marks.deliveredSeq() && next.readSeq() >= marks.readSeq());
        assertTrue(next.readSeq() <= next.deliveredSeq());
        assertTrue(next.deliveredSeq() <= Math.max(lastSeq, marks.deliveredSeq()));
        marks = next;
      }
    });
  }
}
