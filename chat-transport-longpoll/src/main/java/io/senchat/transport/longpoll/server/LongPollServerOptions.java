package io.senchat.transport.longpoll.server;

import java.time.Duration;
import java.util.List;

/**
 * Settings of the long-poll endpoint; immutable, build from {@link #defaults()} with the {@code with…} methods.
 *
 * @param path where the server mounts the endpoint (as a prefix), e.g. {@code /poll}
 * @param allowedOrigins browser origins allowed besides the server's own (or {@code *}); same-origin requests and
 *     requests without {@code Origin} always pass. Allowed cross-origin pages also get CORS answers
 * @param pollTimeout how long a poll is held when there is nothing to deliver; an empty batch ends it
 * @param idleTimeout a session with no poll held and none started for this long is closed with
 *     {@code CloseReason.HEARTBEAT_TIMEOUT} (the core sees the close, presence goes offline); at least twice the
 *     poll timeout, so that one slow round trip never kills a session
 * @param bufferMaxFrames server frames kept for one session until a poll acknowledges them; one more closes the
 *     session with {@code CloseReason.SLOW_CONSUMER} (the same policy and bound as the WebSocket send queue)
 * @param bufferMaxBytes the same bound in UTF-8 bytes
 * @param maxInboundFrameBytes longest client frame in UTF-8 bytes (the WebSocket endpoint's cap); a request with a
 *     longer one is answered 413 and closes the session with {@code CloseReason.TOO_LARGE}
 * @param maxFramesPerPost most frames in one upstream request; more is a 413 like an oversize frame
 * @param maxPostBytes longest upstream request body in bytes
 * @param maxPendingInboundFrames frames handed to the core but not processed yet; an upstream request that would
 *     exceed it is refused with 429 (a client that waits for each answer, as SenChat's do, never sees it)
 * @param maxSessions open sessions at once; beyond it {@code open} answers 503
 * @param closeTimeout how long a closed session keeps its last frames and close reason for the client's next poll;
 *     also how long {@link LongPollEndpoint#shutdown()} waits for clients to hear the close
 */
public record LongPollServerOptions(
    String path,
    List<String> allowedOrigins,
    Duration pollTimeout,
    Duration idleTimeout,
    int bufferMaxFrames,
    long bufferMaxBytes,
    int maxInboundFrameBytes,
    int maxFramesPerPost,
    int maxPostBytes,
    int maxPendingInboundFrames,
    int maxSessions,
    Duration closeTimeout) {

  public LongPollServerOptions {
    if (path == null || !path.startsWith("/") || path.length() < 2 || path.endsWith("/")) {
      throw new IllegalArgumentException("path must start with '/' and not end with one: " + path);
    }
    if (allowedOrigins == null || pollTimeout == null || idleTimeout == null || closeTimeout == null) {
      throw new IllegalArgumentException("options must not be null");
    }
    allowedOrigins = List.copyOf(allowedOrigins);
    if (bufferMaxFrames < 1 || bufferMaxBytes < 1 || maxInboundFrameBytes < 1 || maxFramesPerPost < 1
        || maxPostBytes < 1 || maxPendingInboundFrames < maxFramesPerPost || maxSessions < 1) {
      throw new IllegalArgumentException("limits must be positive, pending inbound at least the frames per post");
    }
    if (pollTimeout.toMillis() < 1 || closeTimeout.toMillis() < 1) {
      throw new IllegalArgumentException("poll and close timeouts must be positive");
    }
    if (idleTimeout.compareTo(pollTimeout.multipliedBy(2)) < 0) {
      throw new IllegalArgumentException("idle timeout must be at least twice the poll timeout");
    }
  }

  /**
   * Production defaults: {@code /poll}, same-origin only, polls held 25 s, sessions idle for 50 s closed, 1,000
   * frames / 4 MiB buffered per session, 1 MiB client frames, 100 frames and 4 MiB per upstream request, 200 pending
   * inbound frames, 100,000 sessions, 5 s close timeout.
   */
  public static LongPollServerOptions defaults() {
    return new LongPollServerOptions("/poll", List.of(), Duration.ofSeconds(25), Duration.ofSeconds(50), 1_000,
        4L << 20, 1 << 20, 100, 4 << 20, 200, 100_000, Duration.ofSeconds(5));
  }

  /** A copy mounted at another path. */
  public LongPollServerOptions withPath(String newPath) {
    return new LongPollServerOptions(newPath, allowedOrigins, pollTimeout, idleTimeout, bufferMaxFrames,
        bufferMaxBytes, maxInboundFrameBytes, maxFramesPerPost, maxPostBytes, maxPendingInboundFrames, maxSessions,
        closeTimeout);
  }

  /** A copy that also allows these browser origins. */
  public LongPollServerOptions withAllowedOrigins(List<String> origins) {
    return new LongPollServerOptions(path, origins, pollTimeout, idleTimeout, bufferMaxFrames, bufferMaxBytes,
        maxInboundFrameBytes, maxFramesPerPost, maxPostBytes, maxPendingInboundFrames, maxSessions, closeTimeout);
  }

  /** A copy with another poll timeout and an idle timeout of twice it. */
  public LongPollServerOptions withPollTimeout(Duration timeout) {
    return new LongPollServerOptions(path, allowedOrigins, timeout, timeout.multipliedBy(2), bufferMaxFrames,
        bufferMaxBytes, maxInboundFrameBytes, maxFramesPerPost, maxPostBytes, maxPendingInboundFrames, maxSessions,
        closeTimeout);
  }

  /** A copy with another per-session buffer bound. */
  public LongPollServerOptions withBuffer(int maxFrames, long maxBytes) {
    return new LongPollServerOptions(path, allowedOrigins, pollTimeout, idleTimeout, maxFrames, maxBytes,
        maxInboundFrameBytes, maxFramesPerPost, maxPostBytes, maxPendingInboundFrames, maxSessions, closeTimeout);
  }

  /** A copy with other upstream bounds. */
  public LongPollServerOptions withUpstream(int frameBytes, int framesPerPost, int postBytes) {
    return new LongPollServerOptions(path, allowedOrigins, pollTimeout, idleTimeout, bufferMaxFrames,
        bufferMaxBytes, frameBytes, framesPerPost, postBytes, Math.max(maxPendingInboundFrames, framesPerPost),
        maxSessions, closeTimeout);
  }

  /** A copy with another bound on open sessions. */
  public LongPollServerOptions withMaxSessions(int sessions) {
    return new LongPollServerOptions(path, allowedOrigins, pollTimeout, idleTimeout, bufferMaxFrames,
        bufferMaxBytes, maxInboundFrameBytes, maxFramesPerPost, maxPostBytes, maxPendingInboundFrames, sessions,
        closeTimeout);
  }

  /** A copy with another close timeout. */
  public LongPollServerOptions withCloseTimeout(Duration timeout) {
    return new LongPollServerOptions(path, allowedOrigins, pollTimeout, idleTimeout, bufferMaxFrames,
        bufferMaxBytes, maxInboundFrameBytes, maxFramesPerPost, maxPostBytes, maxPendingInboundFrames, maxSessions,
        timeout);
  }
}
