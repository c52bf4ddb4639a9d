package io.senchat.transport.longpoll.browser;

/**
 * Settings of the browser long-poll client (plain numbers: {@code java.time} is not translated by GWT).
 *
 * @param path the server's endpoint path, e.g. {@code /poll}
 * @param requestTimeoutMillis bounds opening a session and each upstream request; a poll may take the server's poll
 *     timeout plus this
 * @param maxBatchChars a poll answer longer than this closes the link with {@code TOO_LARGE}
 * @param sendQueueMaxFrames frames waiting to go up; beyond it the link is closed with {@code SLOW_CONSUMER} and
 *     {@code send} returns false
 * @param maxFramesPerPost most frames per upstream request (the server's own bound applies too)
 * @param pollRetries consecutive failed polls retried on the same session before closing with {@code ABNORMAL}
 * @param retryDelayMillis the wait before the first retry, doubled for each further one
 */
public record BrowserLongPollOptions(String path, int requestTimeoutMillis, int maxBatchChars,
    int sendQueueMaxFrames, int maxFramesPerPost, int pollRetries, int retryDelayMillis) {

  public BrowserLongPollOptions {
    if (path == null || !path.startsWith("/")) {
      throw new IllegalArgumentException("path must start with '/': " + path);
    }
    if (requestTimeoutMillis < 1 || maxBatchChars < 1 || sendQueueMaxFrames < 1 || maxFramesPerPost < 1
        || pollRetries < 0 || retryDelayMillis < 0) {
      throw new IllegalArgumentException("timeouts and limits must be positive");
    }
  }

  /**
   * Defaults: {@code /poll}, 10 s request timeout, 16 Mi chars per poll answer, 1,000 queued frames, 100 frames per
   * upstream request, 3 poll retries from 250 ms.
   */
  public static BrowserLongPollOptions defaults() {
    return new BrowserLongPollOptions("/poll", 10_000, 16 << 20, 1_000, 100, 3, 250);
  }
}
