package io.senchat.domain.retry;

import io.senchat.domain.common.RandomSource;
import io.senchat.domain.rules.Limits;

/**
 * Exponential backoff with full jitter: the delay before retry {@code attempt} (0-based) is uniform in
 * {@code [0, min(cap, base * 2^attempt)]}. Full jitter spreads a crowd of clients reconnecting after an outage
 * across the whole window instead of letting them return in synchronised waves.
 *
 * <p>Optionally the first {@code fastAttempts} retries all wait uniformly in {@code [0, base]} and the doubling
 * starts after them. A server restart or a short network blip usually lasts a second or two; with pure doubling a
 * client would find the server back only seconds later, while a refused connection to a down server costs almost
 * nothing. After the fast phase the delays double as usual, so a long outage still thins the crowd out.
 */
public final class Backoff {

  private final long baseMillis;
  private final long capMillis;
  private final int fastAttempts;
  private final RandomSource random;

  /** Pure exponential backoff (no fast phase). */
  public Backoff(long baseMillis, long capMillis, RandomSource random) {
    this(baseMillis, capMillis, 0, random);
  }

  /**
   * @param fastAttempts how many first retries wait only {@code [0, base]}; 0 for pure exponential backoff
   */
  public Backoff(long baseMillis, long capMillis, int fastAttempts, RandomSource random) {
    if (baseMillis <= 0 || capMillis < baseMillis) {
      throw new IllegalArgumentException("need 0 < base <= cap, got base " + baseMillis + ", cap " + capMillis);
    }
    if (fastAttempts < 0) {
      throw new IllegalArgumentException("fastAttempts must not be negative: " + fastAttempts);
    }
    if (random == null) {
      throw new IllegalArgumentException("random source must not be null");
    }
    this.baseMillis = baseMillis;
    this.capMillis = capMillis;
    this.fastAttempts = fastAttempts;
    this.random = random;
  }

  /** Base {@link Limits#BACKOFF_BASE_MILLIS}, cap {@link Limits#BACKOFF_CAP_MILLIS}. */
  public static Backoff standard(RandomSource random) {
    return new Backoff(Limits.BACKOFF_BASE_MILLIS, Limits.BACKOFF_CAP_MILLIS, random);
  }

  /**
   * The upper bound of the delay before retry {@code attempt}: {@code base} during the fast phase, then
   * {@code min(cap, base * 2^(attempt - fastAttempts + 1))} ({@code min(cap, base * 2^attempt)} without a fast phase).
   */
  public long ceilingMillis(int attempt) {
    if (attempt < 0) {
      throw new IllegalArgumentException("attempt must not be negative: " + attempt);
    }
    if (attempt < fastAttempts) {
      return baseMillis;
    }
    int doublings = fastAttempts == 0 ? attempt : attempt - fastAttempts + 1;
    long ceiling = baseMillis;
    // Doubling saturates at the cap before it could overflow, and stops there: any attempt number is safe.
    for (int i = 0; i < doublings && ceiling < capMillis; i++) {
      ceiling = ceiling > capMillis / 2 ? capMillis : ceiling * 2;
    }
    return ceiling;
  }

  /** A random delay in {@code [0, ceilingMillis(attempt)]}, drawn from the injected {@link RandomSource}. */
  public long delayMillis(int attempt) {
    long ceiling = ceilingMillis(attempt);
    double r = random.nextDouble();
    // Guards for a RandomSource outside [0, 1), NaN included.
    if (!(r > 0)) {
      return 0;
    }
    if (r >= 1) {
      return ceiling;
    }
    // "+ 1" makes the ceiling itself reachable; in double so that a cap of Long.MAX_VALUE cannot overflow.
    return Math.min((long) (r * ((double) ceiling + 1)), ceiling);
  }

  public long baseMillis() {
    return baseMillis;
  }

  public long capMillis() {
    return capMillis;
  }

  public int fastAttempts() {
    return fastAttempts;
  }
}
