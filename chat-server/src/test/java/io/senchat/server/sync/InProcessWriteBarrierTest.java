package io.senchat.server.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class InProcessWriteBarrierTest {

  private final InProcessWriteBarrier barrier = new InProcessWriteBarrier();

  @Test
  void withNothingInFlightTheBarrierIsPassedAtOnce() {
    assertTrue(barrier.passed().isDone());
    barrier.enter().close();
    assertTrue(barrier.passed().isDone());
  }

  @Test
  void waitsForEveryEarlierWriteButNotForLaterOnes() {
    WriteBarrier.Ticket first = barrier.enter();
    WriteBarrier.Ticket second = barrier.enter();
    CompletableFuture<Void> passed = barrier.passed();
    WriteBarrier.Ticket later = barrier.enter();

    second.close();
    assertFalse(passed.isDone(), "the first write is still in flight");
    first.close();
    assertTrue(passed.isDone(), "a write entered after the call does not hold it back");
    later.close();
    assertEquals(0, barrier.openCount());
  }

  @Test
  void waitersAreReleasedInOrderAndTicketsCloseOnce() {
    WriteBarrier.Ticket first = barrier.enter();
    CompletableFuture<Void> early = barrier.passed();
    WriteBarrier.Ticket second = barrier.enter();
    CompletableFuture<Void> late = barrier.passed();

    first.close();
    first.close();
    assertTrue(early.isDone());
    assertFalse(late.isDone());
    second.close();
    assertTrue(late.isDone());
  }
}
