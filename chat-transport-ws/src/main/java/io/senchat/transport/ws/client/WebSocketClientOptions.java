package io.senchat.transport.ws.client;

import java.time.Duration;

/**
 * Settings of the JVM WebSocket client; immutable, build from {@link #defaults()} with the {@code with…} methods.
 *
 * @param path the server's endpoint path, e.g. {@code /ws}
 * @param connectTimeout bounds the TCP connect plus the opening handshake, and later the closing handshake
 * @param tokenCarrier where the access token travels
 * @param maxInboundFrameChars a larger message from the server closes the link with {@code TOO_LARGE}
 * @param sendQueueMaxFrames frames waiting to be written (the JDK allows one send in flight); beyond it the link is
 *     closed with {@code SLOW_CONSUMER} and {@code send} returns false
 * @param readIdleTimeout a server that sends nothing at all (no frame, no ping) for this long is considered dead and
 *     the link closes with {@code HEARTBEAT_TIMEOUT}; keep it above the server's ping interval; zero disables
 */
public record WebSocketClientOptions(
    String path,
    Duration connectTimeout,
    TokenCarrier tokenCarrier,
    int maxInboundFrameChars,
    int sendQueueMaxFrames,
    Duration readIdleTimeout) {

  public WebSocketClientOptions {
    if (path == null || !path.startsWith("/")) {
      throw new IllegalArgumentException("path must start with '/': " + path);
    }
    if (connectTimeout == null || tokenCarrier == null || readIdleTimeout == null) {
      throw new IllegalArgumentException("options must not be null");
    }
    if (connectTimeout.isNegative() || connectTimeout.isZero() || readIdleTimeout.isNegative()) {
      throw new IllegalArgumentException("connect timeout must be positive and idle timeout not negative");
    }
    if (maxInboundFrameChars < 1 || sendQueueMaxFrames < 1) {
      throw new IllegalArgumentException("limits must be positive");
    }
  }

  /**
   * Defaults: {@code /ws}, 10 s connect timeout, token in the Authorization header, 16 Mi chars per message, 1,000
   * queued frames, 75 s read idle timeout (three missed 25 s server pings).
   */
  public static WebSocketClientOptions defaults() {
    return new WebSocketClientOptions("/ws", Duration.ofSeconds(10), TokenCarrier.HEADER, 16 << 20, 1_000,
        Duration.ofSeconds(75));
  }

  /** A copy for an endpoint at another path. */
  public WebSocketClientOptions withPath(String newPath) {
    return new WebSocketClientOptions(newPath, connectTimeout, tokenCarrier, maxInboundFrameChars,
        sendQueueMaxFrames, readIdleTimeout);
  }

  /** A copy with another connect timeout. */
  public WebSocketClientOptions withConnectTimeout(Duration timeout) {
    return new WebSocketClientOptions(path, timeout, tokenCarrier, maxInboundFrameChars, sendQueueMaxFrames,
        readIdleTimeout);
  }

  /** A copy that sends the token elsewhere. */
  public WebSocketClientOptions withTokenCarrier(TokenCarrier carrier) {
    return new WebSocketClientOptions(path, connectTimeout, carrier, maxInboundFrameChars, sendQueueMaxFrames,
        readIdleTimeout);
  }

  /** A copy with another inbound message cap. */
  public WebSocketClientOptions withMaxInboundFrameChars(int chars) {
    return new WebSocketClientOptions(path, connectTimeout, tokenCarrier, chars, sendQueueMaxFrames,
        readIdleTimeout);
  }

  /** A copy with another send-queue bound. */
  public WebSocketClientOptions withSendQueueMaxFrames(int frames) {
    return new WebSocketClientOptions(path, connectTimeout, tokenCarrier, maxInboundFrameChars, frames,
        readIdleTimeout);
  }

  /** A copy with another read idle timeout (zero disables). */
  public WebSocketClientOptions withReadIdleTimeout(Duration timeout) {
    return new WebSocketClientOptions(path, connectTimeout, tokenCarrier, maxInboundFrameChars, sendQueueMaxFrames,
        timeout);
  }
}
