package io.senchat.domain.client;

/**
 * Decides, from elapsed time on the clock rather than from counting timer ticks, when a connection needs a heartbeat
 * {@code ping} and when it is dead.
 *
 * <p>A ping goes out when nothing was sent or nothing was received for the heartbeat interval (the first keeps the
 * server from closing an idle connection, the second tests a connection the server has gone quiet on). The socket is
 * dead when a ping got no frame at all back within the pong timeout: airplane mode and many NAT or Wi-Fi failures
 * close nothing, so only this notices them.
 *
 * <p>A timer that fires late means the host slept or throttled timers (background tabs, mobile); the silence measured
 * across that gap proves nothing, because frames were not being processed either. Such a check probes again instead
 * of judging. Only a probe that itself went unanswered across a second late firing counts as death, so that a socket
 * lost in a throttled background tab is still detected within two timer periods.
 */
final class Liveness {

  /** What the connection needs now. */
  enum Verdict {
    /** Nothing to do. */
    FINE,
    /** Send a heartbeat ping. */
    PING,
    /** The timer fired late: send a ping and extend the deadlines that expired meanwhile. */
    REPROBE,
    /** Close the connection and reconnect. */
    DEAD
  }

  private static final long NONE = Long.MIN_VALUE;

  private final long pongTimeoutMillis;
  private long heartbeatMillis;
  private long lastSentAt;
  private long lastReceivedAt;
  private long probeSentAt = NONE;
  private boolean probeAfterLateTimer;

  Liveness(long now, long heartbeatMillis, long pongTimeoutMillis) {
    this.heartbeatMillis = heartbeatMillis;
    this.pongTimeoutMillis = pongTimeoutMillis;
    lastSentAt = now;
    lastReceivedAt = now;
  }

  void heartbeat(long millis) {
    heartbeatMillis = millis;
  }

  void sent(long now) {
    lastSentAt = now;
  }

  /** Any frame proves the connection alive and answers an outstanding probe. */
  void received(long now) {
    lastReceivedAt = now;
    probeSentAt = NONE;
    probeAfterLateTimer = false;
  }

  /** A ping went out as a probe; {@code afterLateTimer} when sent because a timer fired late. */
  void probed(long now, boolean afterLateTimer) {
    lastSentAt = now;
    probeSentAt = now;
    probeAfterLateTimer = afterLateTimer;
  }

  boolean probing() {
    return probeSentAt != NONE;
  }

  /**
   * The verdict at {@code now}.
   *
   * @param late the timer that asks fired later than the tolerance after its due time
   * @param requestOverdue some request's reply deadline has passed
   */
  Verdict check(long now, boolean late, boolean requestOverdue) {
    rebase(now);
    if (!late && requestOverdue) {
      return Verdict.DEAD;
    }
    if (probing()) {
      if (now - probeSentAt < pongTimeoutMillis) {
        return Verdict.FINE;
      }
      return late && !probeAfterLateTimer ? Verdict.REPROBE : Verdict.DEAD;
    }
    if (late) {
      return Verdict.REPROBE;
    }
    boolean idle = now - lastSentAt >= heartbeatMillis || now - lastReceivedAt >= heartbeatMillis;
    return idle ? Verdict.PING : Verdict.FINE;
  }

  /** When the next check is due, given no activity until then. */
  long nextCheckAt() {
    if (probing()) {
      return probeSentAt + pongTimeoutMillis;
    }
    return Math.min(lastSentAt, lastReceivedAt) + heartbeatMillis;
  }

  /** A clock that went back must not postpone heartbeats until it catches up again. */
  private void rebase(long now) {
    lastSentAt = Math.min(lastSentAt, now);
    lastReceivedAt = Math.min(lastReceivedAt, now);
    if (probing()) {
      probeSentAt = Math.min(probeSentAt, now);
    }
  }
}
