package io.senchat.domain.retry;

/**
 * How many consecutive failures a connection or a send has had; a success resets it. Immutable.
 *
 * @param failures consecutive failures since the last success
 */
public record BackoffState(int failures) {

  /** No failure yet. */
  public static final BackoffState INITIAL = new BackoffState(0);

  public BackoffState {
    if (failures < 0) {
      throw new IllegalArgumentException("failures must not be negative: " + failures);
    }
  }

  /** One more failure; saturates instead of overflowing. */
  public BackoffState failed() {
    return failures == Integer.MAX_VALUE ? this : new BackoffState(failures + 1);
  }

  /** A success: the next failure starts again from the smallest delay. */
  public BackoffState reset() {
    return INITIAL;
  }

  /** How long to wait before the next try: none before any failure, else a jittered delay for this failure count. */
  public long nextDelayMillis(Backoff backoff) {
    return failures == 0 ? 0 : backoff.delayMillis(failures - 1);
  }
}
