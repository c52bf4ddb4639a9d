package io.senchat.transport.longpoll.client;

import java.time.Duration;

/**
 * Settings of the JVM long-poll client; immutable, build from {@link #defaults()} with the {@code with…} methods.
 *
 * @param path the server's endpoint path, e.g. {@code /poll}
 * @param requestTimeout bounds opening a session and each upstream request; a poll may take the server's poll
 *     timeout plus this
 * @param maxInboundBatchChars a poll answer longer than this closes the link with {@code TOO_LARGE}
 * @param sendQueueMaxFrames frames waiting to go up (one request is in flight at a time); beyond it the link is
 *     closed with {@code SLOW_CONSUMER} and {@code send} returns false
 * @param maxFramesPerPost most frames per upstream request (the server's own bound applies too)
 * @param pollRetries consecutive failed polls (network error, timeout, 5xx) retried on the same session before the
 *     link is closed with {@code ABNORMAL}; frames lost with a broken poll come again with the retry
 * @param retryDelay the wait before the first retry, doubled for each further one
 */
public record LongPollClientOptions(
    String path,
    Duration requestTimeout,
    int maxInboundBatchChars,
    int sendQueueMaxFrames,
    int maxFramesPerPost,
    int pollRetries,
    Duration retryDelay) {

  public LongPollClientOptions {
    if (path == null || !path.startsWith("/")) {
      throw new IllegalArgumentException("path must start with '/': " + path);
    }
    if (requestTimeout == null || retryDelay == null || requestTimeout.toMillis() < 1 || retryDelay.isNegative()) {
      throw new IllegalArgumentException("request timeout must be positive and retry delay not negative");
    }
    if (maxInboundBatchChars < 1 || sendQueueMaxFrames < 1 || maxFramesPerPost < 1 || pollRetries < 0) {
      throw new IllegalArgumentException("limits must be positive");
    }
  }

  /**
   * Defaults: {@code /poll}, 10 s request timeout, 16 Mi chars per poll answer, 1,000 queued frames, 100 frames per
   * upstream request, 3 poll retries starting at 250 ms.
   */
  public static LongPollClientOptions defaults() {
    return new LongPollClientOptions("/poll", Duration.ofSeconds(10), 16 << 20, 1_000, 100, 3,
        Duration.ofMillis(250));
  }

  /** A copy for an endpoint at another path. */
  public LongPollClientOptions withPath(String newPath) {
    return new LongPollClientOptions(newPath, requestTimeout, maxInboundBatchChars, sendQueueMaxFrames,
        maxFramesPerPost, pollRetries, retryDelay);
  }

  /** A copy with another request timeout. */
  public LongPollClientOptions withRequestTimeout(Duration timeout) {
    return new LongPollClientOptions(path, timeout, maxInboundBatchChars, sendQueueMaxFrames, maxFramesPerPost,
        pollRetries, retryDelay);
  }

  /** A copy with another cap on one poll answer. */
  public LongPollClientOptions withMaxInboundBatchChars(int chars) {
    return new LongPollClientOptions(path, requestTimeout, chars, sendQueueMaxFrames, maxFramesPerPost,
        pollRetries, retryDelay);
  }

  /** A copy with another send-queue bound. */
  public LongPollClientOptions withSendQueueMaxFrames(int frames) {
    return new LongPollClientOptions(path, requestTimeout, maxInboundBatchChars, frames, maxFramesPerPost,
        pollRetries, retryDelay);
  }

  /** A copy with another number of frames per upstream request. */
  public LongPollClientOptions withMaxFramesPerPost(int frames) {
    return new LongPollClientOptions(path, requestTimeout, maxInboundBatchChars, sendQueueMaxFrames, frames,
        pollRetries, retryDelay);
  }

  /** A copy with another poll retry policy. */
  public LongPollClientOptions withPollRetries(int retries, Duration firstDelay) {
    return new LongPollClientOptions(path, requestTimeout, maxInboundBatchChars, sendQueueMaxFrames,
        maxFramesPerPost, retries, firstDelay);
  }
}
