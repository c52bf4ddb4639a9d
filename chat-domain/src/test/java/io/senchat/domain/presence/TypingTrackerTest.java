package io.senchat.domain.presence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.senchat.domain.user.UserId;
import java.util.List;
import org.junit.jupiter.api.Test;

class TypingTrackerTest {

  private static final UserId A = UserId.of(1);
  private static final UserId B = UserId.of(2);
  private static final UserId C = UserId.of(3);

  @Test
  void typingExpiresWithoutRefresh() {
    TypingTracker tracker = new TypingTracker(10, 6_000);
    assertTrue(tracker.onStart(A, 0));
    assertEquals(List.of(A), tracker.typing(5_999));
    assertEquals(List.of(), tracker.typing(6_000));
    assertEquals(List.of(A), tracker.expire(6_000));
    assertEquals(0, tracker.size());
  }

  @Test
  void aRefreshExtendsTheIndicatorAndIsNotNews() {
    TypingTracker tracker = new TypingTracker(10, 6_000);
    tracker.onStart(A, 0);
    assertFalse(tracker.onStart(A, 5_000));
    assertEquals(List.of(A), tracker.typing(10_999));
    assertEquals(List.of(), tracker.expire(10_999));
  }

  @Test
  void aStartAfterExpiryIsNewsAgainAndMovesToTheEnd() {
    TypingTracker tracker = new TypingTracker(10, 6_000);
    tracker.onStart(A, 0);
    tracker.onStart(B, 1_000);
    assertTrue(tracker.onStart(A, 6_500));
    assertEquals(List.of(B, A), tracker.typing(6_500));
  }

  @Test
  void stopRemovesAndReportsWhetherTheUserWasShown() {
    TypingTracker tracker = new TypingTracker(10, 6_000);
    tracker.onStart(A, 0);
    assertTrue(tracker.onStop(A, 100));
    assertFalse(tracker.onStop(A, 100));
    tracker.onStart(B, 0);
    assertFalse(tracker.onStop(B, 7_000));
  }

  @Test
  void typersAreListedInTheOrderTheyStarted() {
    TypingTracker tracker = new TypingTracker(10, 6_000);
    tracker.onStart(B, 0);
    tracker.onStart(A, 10);
    tracker.onStart(B, 20);
    assertEquals(List.of(B, A), tracker.typing(30));
  }

  @Test
  void whenFullTheIndicatorClosestToExpiryMakesRoom() {
    TypingTracker tracker = new TypingTracker(2, 6_000);
    tracker.onStart(A, 0);
    tracker.onStart(B, 100);
    tracker.onStart(A, 200);
    tracker.onStart(C, 300);
    assertEquals(2, tracker.size());
    assertEquals(List.of(A, C), tracker.typing(300));
  }

  @Test
  void defaultsComeFromLimits() {
    TypingTracker tracker = new TypingTracker();
    tracker.onStart(A, 0);
    assertEquals(List.of(A), tracker.typing(9_999));
    assertEquals(List.of(), tracker.typing(10_000));
    assertThrows(IllegalArgumentException.class, () -> new TypingTracker(0, 1));
  }
}
