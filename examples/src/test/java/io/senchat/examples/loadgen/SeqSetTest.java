package io.senchat.examples.loadgen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The range set behind the delivery counts. */
class SeqSetTest {

  @Test
  void inOrderSeqsStayOneRangeAndRepeatsAreReported() {
    SeqSet set = new SeqSet(4);
    for (long seq = 1; seq <= 10_000; seq++) {
      assertTrue(set.add(seq));
    }
    assertEquals(1, set.rangeCount());
    assertEquals(10_000, set.size());
    assertFalse(set.add(1));
    assertFalse(set.add(5_000));
    assertFalse(set.add(10_000));
    assertEquals(10_000, set.size());
  }

  @Test
  void gapsCloseWhenFilled() {
    SeqSet set = new SeqSet(10);
    set.add(1);
    set.add(3);
    set.add(5);
    assertEquals(3, set.rangeCount());
    set.add(2);
    assertEquals(2, set.rangeCount());
    set.add(4);
    assertEquals(1, set.rangeCount());
    assertTrue(set.contains(3));
    assertFalse(set.contains(6));
  }

  @Test
  void matchesAHashSetOnRandomInput() {
    Random random = new Random(3);
    SeqSet set = new SeqSet(100_000);
    Set<Long> reference = new HashSet<>();
    for (int i = 0; i < 20_000; i++) {
      long seq = 1 + random.nextInt(5_000);
      assertEquals(reference.add(seq), set.add(seq));
    }
    assertEquals(reference.size(), set.size());
    SeqSet other = new SeqSet(100_000);
    Set<Long> otherReference = new HashSet<>();
    for (int i = 0; i < 3_000; i++) {
      long seq = 1 + random.nextInt(6_000);
      other.add(seq);
      otherReference.add(seq);
    }
    otherReference.retainAll(reference);
    assertEquals(otherReference.size(), set.countCommon(other));
    assertEquals(otherReference.size(), other.countCommon(set));
  }

  @Test
  void countsCommonSeqsAcrossPartlyOverlappingRanges() {
    SeqSet received = new SeqSet(10);
    SeqSet acked = new SeqSet(100);
    List<Long> seqs = new ArrayList<>();
    for (long s = 1; s <= 100; s++) {
      seqs.add(s);
    }
    Collections.shuffle(seqs, new Random(1));
    for (long s : seqs) {
      acked.add(s);
    }
    for (long s = 10; s <= 120; s++) {
      received.add(s);
    }
    assertEquals(0, acked.untracked());
    assertEquals(1, acked.rangeCount());
    assertEquals(91, received.countCommon(acked));
  }

  @Test
  void aFullSetCountsWhatItCannotStore() {
    SeqSet set = new SeqSet(2);
    set.add(1);
    set.add(3);
    assertTrue(set.add(5));
    assertEquals(1, set.untracked());
    assertEquals(2, set.size());
    assertTrue(set.add(2), "joining existing ranges needs no new one");
    assertEquals(1, set.rangeCount());
    assertEquals(1, set.copy().untracked());
  }
}
