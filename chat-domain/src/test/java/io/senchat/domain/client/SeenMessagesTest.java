package io.senchat.domain.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.senchat.domain.Randomized;
import io.senchat.domain.conversation.ConversationId;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SeenMessagesTest {

  private static final ConversationId A = ConversationId.of(1);
  private static final ConversationId B = ConversationId.of(2);

  @Test
  void anAscendingStreamNeedsOneRange() {
    SeqRanges ranges = new SeqRanges(4);
    for (long seq = 1000; seq < 11_000; seq++) {
      assertTrue(ranges.add(seq));
    }
    assertEquals(1, ranges.rangeCount());
    assertFalse(ranges.add(1000));
    assertFalse(ranges.add(10_999));
    assertTrue(ranges.add(999), "older and never seen: shown");
    assertEquals(1, ranges.rangeCount());
  }

  @Test
  void gapsAreKeptExactlyUpToTheBound() {
    SeqRanges ranges = new SeqRanges(3);
    assertTrue(ranges.add(10));
    assertTrue(ranges.add(20));
    assertTrue(ranges.add(30));
    assertTrue(ranges.add(15));
    // Four ranges over a bound of three: the lowest gap (11..14) is closed.
    assertEquals(3, ranges.rangeCount());
    assertFalse(ranges.add(12), "the only direction a full memory errs in: hiding, never repeating");
    assertTrue(ranges.add(17));
    assertTrue(ranges.add(25));
  }

  @Test
  void rangesJoinWhenGapsFill() {
    SeqRanges ranges = new SeqRanges(8);
    ranges.add(1);
    ranges.add(3);
    ranges.add(5);
    assertEquals(3, ranges.rangeCount());
    ranges.add(2);
    ranges.add(4);
    assertEquals(1, ranges.rangeCount());
    for (long seq = 1; seq <= 5; seq++) {
      assertTrue(ranges.contains(seq));
    }
    assertFalse(ranges.contains(0));
    assertFalse(ranges.contains(6));
  }

  @Test
  void randomOrderWithinTheBoundMatchesASet() {
    Randomized.forAll(200, random -> {
      SeqRanges ranges = new SeqRanges(1_000);
      Set<Long> seen = new HashSet<>();
      for (int i = 0; i < 300; i++) {
        long seq = 1 + random.nextInt(200);
        assertEquals(seen.add(seq), ranges.add(seq), "seq " + seq);
      }
      for (long seq = 0; seq <= 201; seq++) {
        assertEquals(seen.contains(seq), ranges.contains(seq));
      }
    });
  }

  @Test
  void aBoundedMemoryNeverRepeats() {
    Randomized.forAll(200, random -> {
      SeqRanges ranges = new SeqRanges(1 + random.nextInt(4));
      Set<Long> delivered = new HashSet<>();
      for (int i = 0; i < 300; i++) {
        long seq = 1 + random.nextInt(100);
        if (ranges.add(seq)) {
          assertTrue(delivered.add(seq), "delivered twice: " + seq);
        }
      }
    });
  }

  @Test
  void aSeqIsRememberedAcrossOneCheckpointAndForgottenAfterTwo() {
    SeenMessages seen = new SeenMessages();
    assertTrue(seen.firstSighting(A, 5));
    assertFalse(seen.firstSighting(A, 5));
    seen.checkpoint();
    assertFalse(seen.firstSighting(A, 5), "still in the previous generation");
    assertTrue(seen.firstSighting(A, 6));
    seen.checkpoint();
    seen.checkpoint();
    assertTrue(seen.firstSighting(A, 5), "two checkpoints later the token is long past it");
  }

  @Test
  void conversationsAreBoundedLeastRecentlyUsedFirst() {
    SeenMessages seen = new SeenMessages(2, 4);
    seen.firstSighting(A, 1);
    seen.firstSighting(B, 1);
    seen.firstSighting(A, 2);
    seen.firstSighting(ConversationId.of(3), 1);
    assertEquals(2, seen.conversationCount());
    assertFalse(seen.firstSighting(A, 1), "recently used: kept");
    assertTrue(seen.firstSighting(B, 1), "least recently used: forgotten");
  }

  @Test
  void clearForgetsEverything() {
    SeenMessages seen = new SeenMessages();
    seen.firstSighting(A, 1);
    seen.checkpoint();
    seen.firstSighting(B, 1);
    seen.clear();
    assertEquals(0, seen.conversationCount());
    assertTrue(seen.firstSighting(A, 1));
  }
}
