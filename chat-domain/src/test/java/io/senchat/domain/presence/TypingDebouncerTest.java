package io.senchat.domain.presence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.senchat.domain.Randomized;
import io.senchat.domain.rules.Limits;
import io.senchat.domain.user.UserId;
import org.junit.jupiter.api.Test;

class TypingDebouncerTest {

  @Test
  void onlyTheFirstKeystrokeOfABurstSendsStart() {
    TypingDebouncer debouncer = new TypingDebouncer();
    assertTrue(debouncer.onInput(10_000));
    assertFalse(debouncer.onInput(10_100));
    assertFalse(debouncer.onInput(12_000));
    assertTrue(debouncer.isTyping());
  }

  @Test
  void startIsResentEveryRefreshIntervalWhileTypingContinues() {
    TypingDebouncer debouncer = new TypingDebouncer();
    assertTrue(debouncer.onInput(0));
    assertFalse(debouncer.onInput(2_500));
    assertFalse(debouncer.onInput(4_999));
    assertTrue(debouncer.onInput(5_000));
    assertFalse(debouncer.onInput(7_000));
    assertTrue(debouncer.onInput(10_000));
  }

  @Test
  void pollSendsStopAfterThreeSecondsIdleExactlyOnce() {
    TypingDebouncer debouncer = new TypingDebouncer();
    debouncer.onInput(1_000);
    assertFalse(debouncer.poll(3_999));
    assertTrue(debouncer.poll(4_000));
    assertFalse(debouncer.poll(5_000));
    assertFalse(debouncer.isTyping());
  }

  @Test
  void aKeystrokeAfterAnIdleGapStartsANewBurstEvenIfPollNeverRan() {
    TypingDebouncer debouncer = new TypingDebouncer();
    debouncer.onInput(0);
    assertTrue(debouncer.onInput(Limits.TYPING_IDLE_MILLIS));
  }

  @Test
  void aKeystrokeAfterStopStartsANewBurst() {
    TypingDebouncer debouncer = new TypingDebouncer();
    debouncer.onInput(0);
    debouncer.poll(3_000);
    assertTrue(debouncer.onInput(3_100));
  }

  @Test
  void sendAndBlurStopImmediatelyOnlyIfTyping() {
    TypingDebouncer debouncer = new TypingDebouncer();
    assertFalse(debouncer.onSent());
    assertFalse(debouncer.onBlur());
    debouncer.onInput(0);
    assertTrue(debouncer.onSent());
    assertFalse(debouncer.onSent());
    debouncer.onInput(100);
    assertTrue(debouncer.onBlur());
    assertFalse(debouncer.poll(100_000));
  }

  @Test
  void aClockThatJumpsBackResendsStartToResynchronise() {
    TypingDebouncer debouncer = new TypingDebouncer();
    debouncer.onInput(50_000);
    assertTrue(debouncer.onInput(1_000));
    assertFalse(debouncer.onInput(1_100));
  }

  @Test
  void intervalsMustBePositive() {
    assertThrows(IllegalArgumentException.class, () -> new TypingDebouncer(0, 5));
    assertThrows(IllegalArgumentException.class, () -> new TypingDebouncer(5, 0));
  }

  @Test
  void aReceiverNeverDropsTheIndicatorWhileTheSenderStillTypes() {
    UserId sender = UserId.of(1);
    Randomized.forAll(500, random -> {
      TypingDebouncer debouncer = new TypingDebouncer();
      TypingTracker receiver = new TypingTracker();
      long latency = random.nextInt(1_000);
      long now = 0;
      for (int key = 0; key < 60; key++) {
        // Gaps shorter than the idle time keep one burst going.
        now += random.nextInt((int) Limits.TYPING_IDLE_MILLIS);
        if (debouncer.onInput(now)) {
          receiver.onStart(sender, now + latency);
        }
        assertTrue(debouncer.isTyping());
        assertEquals(1, receiver.typing(now + latency).size(), "indicator dropped at " + now);
      }
    });
  }
}
