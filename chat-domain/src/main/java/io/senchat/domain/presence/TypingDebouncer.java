package io.senchat.domain.presence;

import io.senchat.domain.rules.Limits;

/**
 * Decides when a composer sends typing-start and typing-stop, driven by the caller's clock (pass a monotonic
 * one, e.g. {@code performance.now()}, so wall-clock jumps do not matter). Typing-start goes out on the first
 * keystroke of a burst and again on a keystroke at least {@code refreshMillis} after the last one sent, so
 * receivers do not expire it; typing-stop goes out after {@code idleMillis} without a keystroke, on send, or on
 * blur. Not thread-safe: one instance per composer, used from the UI thread.
 */
public final class TypingDebouncer {

  private final long idleMillis;
  private final long refreshMillis;
  private boolean typing;
  private long lastInputMillis;
  private long lastStartSentMillis;

  public TypingDebouncer(long idleMillis, long refreshMillis) {
    if (idleMillis <= 0 || refreshMillis <= 0) {
      throw new IllegalArgumentException("intervals must be positive");
    }
    this.idleMillis = idleMillis;
    this.refreshMillis = refreshMillis;
  }

  /** Idle {@link Limits#TYPING_IDLE_MILLIS}, refresh {@link Limits#TYPING_REFRESH_MILLIS}. */
  public TypingDebouncer() {
    this(Limits.TYPING_IDLE_MILLIS, Limits.TYPING_REFRESH_MILLIS);
  }

  /** A keystroke at {@code nowMillis}; returns true when typing-start should be sent now. */
  public boolean onInput(long nowMillis) {
    // A burst that went idle without poll() being called (throttled background timer) has ended: start anew.
    boolean newBurst = !typing || nowMillis - lastInputMillis >= idleMillis;
    lastInputMillis = nowMillis;
    long sinceStart = nowMillis - lastStartSentMillis;
    // A negative interval means the caller's clock went back; re-sending is the safe way to resynchronise.
    if (newBurst || sinceStart >= refreshMillis || sinceStart < 0) {
      typing = true;
      lastStartSentMillis = nowMillis;
      return true;
    }
    return false;
  }

  /** Called from a timer; returns true when typing-stop should be sent because the user went idle. */
  public boolean poll(long nowMillis) {
    if (typing && nowMillis - lastInputMillis >= idleMillis) {
      typing = false;
      return true;
    }
    return false;
  }

  /** The message was sent; returns true when typing-stop should be sent. */
  public boolean onSent() {
    return stop();
  }

  /** The composer lost focus; returns true when typing-stop should be sent. */
  public boolean onBlur() {
    return stop();
  }

  public boolean isTyping() {
    return typing;
  }

  private boolean stop() {
    boolean wasTyping = typing;
    typing = false;
    return wasTyping;
  }
}
