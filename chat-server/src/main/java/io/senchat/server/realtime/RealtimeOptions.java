package io.senchat.server.realtime;

/**
 * Settings of the real-time core; immutable, build from {@link #defaults()} with the {@code with…} methods.
 *
 * @param heartbeatMillis told to clients in {@code welcome}: they ping after this long without sending anything.
 *     Keep it below the transport's idle timeout (the WebSocket endpoint's {@code heartbeatTimeout})
 * @param inboundFramesPerSecond sustained inbound frames one session may send ({@code ping} excepted); beyond the
 *     burst the session gets {@code rate_limited}
 * @param inboundBurst how many frames a session may send at once after being quiet (an offline queue being flushed)
 * @param heldFramesMax feed events held back for one session while it replays the feed; one more closes the session
 *     with a retryable reason, and it resumes again from its token
 * @param firstFrameGraceMillis live events are held from the connection until the client's first frame says whether
 *     it resumes (hello with a sync token, or sync); a client that says nothing gets them after this long
 * @param writeBarrierWaitMillis longest a replay's last page waits for writes that were in flight when the session
 *     registered (normally a few milliseconds)
 * @param helloBatchLimit events in the {@code sync.batch} that follows {@code welcome} when {@code hello} carries a
 *     sync token (protocol.md: 100)
 */
public record RealtimeOptions(long heartbeatMillis, int inboundFramesPerSecond, int inboundBurst, int heldFramesMax,
    long firstFrameGraceMillis, long writeBarrierWaitMillis, int helloBatchLimit) {

  public RealtimeOptions {
    if (heartbeatMillis <= 0 || inboundFramesPerSecond <= 0 || inboundBurst <= 0 || heldFramesMax <= 0
        || firstFrameGraceMillis <= 0 || writeBarrierWaitMillis < 0 || helloBatchLimit < 1
        || helloBatchLimit > 1000) {
      throw new IllegalArgumentException("realtime options out of range: " + this);
    }
  }

  /**
   * Production defaults: 25 s heartbeat, 50 frames/s with bursts of 200, 2,000 held frames, 2 s first-frame grace,
   * 2 s write-barrier wait, 100 events after {@code welcome}.
   */
  public static RealtimeOptions defaults() {
    return new RealtimeOptions(25_000, 50, 200, 2_000, 2_000, 2_000, 100);
  }

  /** A copy with another inbound rate limit. */
  public RealtimeOptions withInboundRate(int framesPerSecond, int burst) {
    return new RealtimeOptions(heartbeatMillis, framesPerSecond, burst, heldFramesMax, firstFrameGraceMillis,
        writeBarrierWaitMillis, helloBatchLimit);
  }

  /** A copy with another bound on feed events held during a replay. */
  public RealtimeOptions withHeldFramesMax(int frames) {
    return new RealtimeOptions(heartbeatMillis, inboundFramesPerSecond, inboundBurst, frames, firstFrameGraceMillis,
        writeBarrierWaitMillis, helloBatchLimit);
  }

  /** A copy with another heartbeat told to clients. */
  public RealtimeOptions withHeartbeatMillis(long millis) {
    return new RealtimeOptions(millis, inboundFramesPerSecond, inboundBurst, heldFramesMax, firstFrameGraceMillis,
        writeBarrierWaitMillis, helloBatchLimit);
  }
}
