package io.senchat.domain.retry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.senchat.domain.Randomized;
import io.senchat.domain.common.RandomSource;
import org.junit.jupiter.api.Test;

class BackoffTest {

  private static Backoff standard(double fixed) {
    return Backoff.standard(() -> fixed);
  }

  @Test
  void ceilingDoublesFromTheBaseUntilTheCap() {
    Backoff backoff = standard(0);
    assertEquals(500, backoff.ceilingMillis(0));
    assertEquals(1_000, backoff.ceilingMillis(1));
    assertEquals(16_000, backoff.ceilingMillis(5));
    assertEquals(30_000, backoff.ceilingMillis(6));
    assertEquals(30_000, backoff.ceilingMillis(7));
  }

  @Test
  void aFastPhaseWaitsUpToOneBaseThenDoublingStartsFromTwiceTheBase() {
    Backoff low = new Backoff(500, 30_000, 3, () -> 0);
    Backoff high = new Backoff(500, 30_000, 3, () -> Math.nextDown(1.0));
    for (int attempt = 0; attempt < 3; attempt++) {
      assertEquals(500, low.ceilingMillis(attempt));
      assertEquals(0, low.delayMillis(attempt));
      assertEquals(500, high.delayMillis(attempt), "attempt " + attempt + " stays within one base");
    }
    assertEquals(1_000, low.ceilingMillis(3));
    assertEquals(1_000, high.delayMillis(3));
    assertEquals(2_000, high.delayMillis(4));
    assertEquals(30_000, high.delayMillis(Integer.MAX_VALUE));
    assertThrows(IllegalArgumentException.class, () -> new Backoff(500, 30_000, -1, () -> 0));
  }

  @Test
  void aFastPhaseKeepsEveryDelayInItsWindowForRandomDraws() {
    Randomized.forAll(200, random -> {
      int fast = random.nextInt(10);
      long base = 1 + random.nextInt(5_000);
      Backoff backoff = new Backoff(base, base * 64, fast, random::nextDouble);
      for (int attempt = 0; attempt < fast + 10; attempt++) {
        long delay = backoff.delayMillis(attempt);
        int doublings = attempt < fast ? 0 : fast == 0 ? attempt : attempt - fast + 1;
        long ceiling = Math.min(base * 64, base << Math.min(doublings, 7));
        assertEquals(ceiling, backoff.ceilingMillis(attempt), "attempt " + attempt);
        assertTrue(delay >= 0 && delay <= ceiling, "attempt " + attempt + ": " + delay);
      }
    });
  }

  @Test
  void capHoldsForEveryAttemptUpTo1000AndBeyondWithoutOverflow() {
    Backoff backoff = standard(0.999_999_999);
    for (int attempt = 0; attempt <= 1000; attempt++) {
      long delay = backoff.delayMillis(attempt);
      assertTrue(delay >= 0 && delay <= 30_000, "attempt " + attempt + ": " + delay);
    }
    assertEquals(30_000, backoff.ceilingMillis(Integer.MAX_VALUE));
    assertEquals(30_000, backoff.delayMillis(Integer.MAX_VALUE));
  }

  @Test
  void hugeCapsDoNotOverflowEither() {
    Backoff backoff = new Backoff(1, Long.MAX_VALUE, () -> 0.5);
    assertEquals(1L << 62, backoff.ceilingMillis(62));
    assertEquals(Long.MAX_VALUE, backoff.ceilingMillis(63));
    assertEquals(Long.MAX_VALUE, backoff.ceilingMillis(1000));
    long delay = backoff.delayMillis(1000);
    assertTrue(delay > Long.MAX_VALUE / 4 && delay < Long.MAX_VALUE, String.valueOf(delay));
    long top = new Backoff(1, Long.MAX_VALUE, () -> Math.nextDown(1.0)).delayMillis(1000);
    assertTrue(top > Long.MAX_VALUE / 2, String.valueOf(top));
  }

  @Test
  void delayIsTheRandomFractionOfTheCeilingWithBothEndsReachable() {
    assertEquals(0, standard(0).delayMillis(3));
    assertEquals(2_000, standard(0.5).delayMillis(3));
    assertEquals(3_996, standard(0.999).delayMillis(3));
    assertEquals(4_000, standard(Math.nextDown(1.0)).delayMillis(3));
    assertEquals(15_000, standard(0.5).delayMillis(100));
  }

  @Test
  void theInjectedRandomSourceIsDrawnOncePerDelay() {
    int[] calls = {0};
    Backoff backoff = Backoff.standard(() -> {
      calls[0]++;
      return 0.25;
    });
    backoff.delayMillis(0);
    backoff.delayMillis(9);
    assertEquals(2, calls[0]);
  }

  @Test
  void aMisbehavingRandomSourceStillYieldsAnInRangeDelay() {
    assertEquals(500, standard(1.0).delayMillis(0));
    assertEquals(500, standard(7.0).delayMillis(0));
    assertEquals(0, standard(-0.5).delayMillis(0));
    assertEquals(0, standard(Double.NaN).delayMillis(0));
  }

  @Test
  void delaysStayWithinZeroAndTheCeilingForRandomInputs() {
    Randomized.forAll(2000, random -> {
      RandomSource source = random::nextDouble;
      long base = 1 + random.nextInt(10_000);
      long cap = base + random.nextInt(1_000_000);
      Backoff backoff = new Backoff(base, cap, source);
      int attempt = random.nextInt(2000);
      long delay = backoff.delayMillis(attempt);
      long ceiling = backoff.ceilingMillis(attempt);
      assertTrue(ceiling <= cap && ceiling >= Math.min(base, cap));
      assertTrue(delay >= 0 && delay <= ceiling, delay + " outside [0, " + ceiling + "]");
    });
  }

  @Test
  void badConfigurationIsRejected() {
    assertThrows(IllegalArgumentException.class, () -> new Backoff(0, 10, () -> 0));
    assertThrows(IllegalArgumentException.class, () -> new Backoff(10, 5, () -> 0));
    assertThrows(IllegalArgumentException.class, () -> new Backoff(10, 50, null));
    assertThrows(IllegalArgumentException.class, () -> standard(0).delayMillis(-1));
  }

  @Test
  void stateStartsWithNoDelayGrowsOnFailureAndResetsOnSuccess() {
    Backoff backoff = standard(Math.nextDown(1.0));
    BackoffState state = BackoffState.INITIAL;
    assertEquals(0, state.nextDelayMillis(backoff));
    state = state.failed();
    assertEquals(500, state.nextDelayMillis(backoff));
    state = state.failed().failed();
    assertEquals(2_000, state.nextDelayMillis(backoff));
    assertSame(BackoffState.INITIAL, state.reset());
    assertEquals(0, state.reset().nextDelayMillis(backoff));
  }

  @Test
  void stateSaturatesInsteadOfOverflowing() {
    BackoffState max = new BackoffState(Integer.MAX_VALUE);
    assertSame(max, max.failed());
    assertEquals(30_000, max.nextDelayMillis(standard(Math.nextDown(1.0))));
    assertThrows(IllegalArgumentException.class, () -> new BackoffState(-1));
  }
}
