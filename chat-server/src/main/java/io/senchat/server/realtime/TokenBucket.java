package io.senchat.server.realtime;

/** A token bucket on {@link System#nanoTime()}; not thread-safe (one per session, used on its frame thread). */
final class TokenBucket {

  private final double tokensPerNano;
  private final double capacity;
  private double tokens;
  private long refilledAtNanos;

  TokenBucket(int perSecond, int burst) {
    this.tokensPerNano = perSecond / 1e9;
    this.capacity = burst;
    this.tokens = burst;
    this.refilledAtNanos = System.nanoTime();
  }

  /** Takes one token if there is one. */
  boolean tryTake() {
    return tryTake(System.nanoTime());
  }

  boolean tryTake(long nowNanos) {
    tokens = Math.min(capacity, tokens + (nowNanos - refilledAtNanos) * tokensPerNano);
    refilledAtNanos = nowNanos;
    if (tokens >= 1) {
      tokens -= 1;
      return true;
    }
    return false;
  }
}
