package io.senchat.transport.ws.server;

import java.time.Duration;
import java.util.List;

/**
 * Settings of the WebSocket endpoint; immutable, build from {@link #defaults()} with the {@code with…} methods.
 *
 * @param path where the server mounts the endpoint, e.g. {@code /ws}
 * @param allowedOrigins browser origins allowed besides the server's own (e.g. {@code https://app.example.com}, or
 *     {@code *} for any); same-origin requests and requests without {@code Origin} (non-browser clients) are always
 *     allowed
 * @param maxInboundFrameBytes hard cap on one reassembled inbound message; larger closes with
 *     {@code CloseReason.TOO_LARGE}. The core enforces the protocol's smaller limit with an error frame; this is the
 *     last line of defence for memory
 * @param sendQueueMaxFrames frames queued for one connection but not yet written to its socket; beyond it the
 *     connection is closed with {@code CloseReason.SLOW_CONSUMER}
 * @param sendQueueMaxBytes the same bound in UTF-8 bytes
 * @param maxPendingInboundFrames inbound frames handed to the core but not yet processed; at this many the endpoint
 *     stops reading from that socket (TCP pushes back on the client) until half are done
 * @param heartbeatInterval how often the server pings; {@link Duration#ZERO} disables heartbeats
 * @param heartbeatTimeout a peer that sends nothing (no pong, no frame) for this long is closed with
 *     {@code CloseReason.HEARTBEAT_TIMEOUT}
 * @param closeTimeout how long a closing connection may take to finish the close handshake before its socket is
 *     dropped; also how long {@link WebSocketEndpoint#shutdown()} waits
 * @param refuseBrowsersWithCloseFrame when true, a client that sent its token as a subprotocol (a browser) and is
 *     refused gets an upgrade followed at once by a close frame (4001 unauthenticated), because browsers hide the
 *     HTTP status of a failed upgrade; when false (default) every refusal is a 401/403 JSON answer without upgrade
 */
public record WebSocketServerOptions(
    String path,
    List<String> allowedOrigins,
    int maxInboundFrameBytes,
    int sendQueueMaxFrames,
    long sendQueueMaxBytes,
    int maxPendingInboundFrames,
    Duration heartbeatInterval,
    Duration heartbeatTimeout,
    Duration closeTimeout,
    boolean refuseBrowsersWithCloseFrame) {

  public WebSocketServerOptions {
    if (path == null || !path.startsWith("/")) {
      throw new IllegalArgumentException("path must start with '/': " + path);
    }
    if (allowedOrigins == null || heartbeatInterval == null || heartbeatTimeout == null || closeTimeout == null) {
      throw new IllegalArgumentException("options must not be null");
    }
    allowedOrigins = List.copyOf(allowedOrigins);
    if (maxInboundFrameBytes < 1 || sendQueueMaxFrames < 1 || sendQueueMaxBytes < 1 || maxPendingInboundFrames < 1) {
      throw new IllegalArgumentException("limits must be positive");
    }
    if (heartbeatInterval.isNegative() || closeTimeout.isNegative() || closeTimeout.isZero()) {
      throw new IllegalArgumentException("heartbeat interval must not be negative and close timeout must be positive");
    }
    if (!heartbeatInterval.isZero() && heartbeatTimeout.compareTo(heartbeatInterval) <= 0) {
      throw new IllegalArgumentException("heartbeat timeout must be longer than the interval");
    }
  }

  /**
   * Production defaults: {@code /ws}, same-origin only, 1 MiB frames, 1,000 frames / 4 MiB send queue, 64 pending
   * inbound frames, ping every 25 s, timeout 60 s, 5 s close timeout, refusals as HTTP answers.
   */
  public static WebSocketServerOptions defaults() {
    return new WebSocketServerOptions("/ws", List.of(), 1 << 20, 1_000, 4L << 20, 64,
        Duration.ofSeconds(25), Duration.ofSeconds(60), Duration.ofSeconds(5), false);
  }

  /** A copy mounted at another path. */
  public WebSocketServerOptions withPath(String newPath) {
    return new WebSocketServerOptions(newPath, allowedOrigins, maxInboundFrameBytes, sendQueueMaxFrames,
        sendQueueMaxBytes, maxPendingInboundFrames, heartbeatInterval, heartbeatTimeout, closeTimeout,
        refuseBrowsersWithCloseFrame);
  }

  /** A copy that also allows these browser origins. */
  public WebSocketServerOptions withAllowedOrigins(List<String> origins) {
    return new WebSocketServerOptions(path, origins, maxInboundFrameBytes, sendQueueMaxFrames, sendQueueMaxBytes,
        maxPendingInboundFrames, heartbeatInterval, heartbeatTimeout, closeTimeout, refuseBrowsersWithCloseFrame);
  }

  /** A copy with another inbound frame cap. */
  public WebSocketServerOptions withMaxInboundFrameBytes(int bytes) {
    return new WebSocketServerOptions(path, allowedOrigins, bytes, sendQueueMaxFrames, sendQueueMaxBytes,
        maxPendingInboundFrames, heartbeatInterval, heartbeatTimeout, closeTimeout, refuseBrowsersWithCloseFrame);
  }

  /** A copy with another send-queue bound. */
  public WebSocketServerOptions withSendQueue(int maxFrames, long maxBytes) {
    return new WebSocketServerOptions(path, allowedOrigins, maxInboundFrameBytes, maxFrames, maxBytes,
        maxPendingInboundFrames, heartbeatInterval, heartbeatTimeout, closeTimeout, refuseBrowsersWithCloseFrame);
  }

  /** A copy with another inbound backlog bound. */
  public WebSocketServerOptions withMaxPendingInboundFrames(int frames) {
    return new WebSocketServerOptions(path, allowedOrigins, maxInboundFrameBytes, sendQueueMaxFrames,
        sendQueueMaxBytes, frames, heartbeatInterval, heartbeatTimeout, closeTimeout, refuseBrowsersWithCloseFrame);
  }

  /** A copy with other heartbeat timings ({@code interval} zero disables them). */
  public WebSocketServerOptions withHeartbeat(Duration interval, Duration timeout) {
    return new WebSocketServerOptions(path, allowedOrigins, maxInboundFrameBytes, sendQueueMaxFrames,
        sendQueueMaxBytes, maxPendingInboundFrames, interval, timeout, closeTimeout, refuseBrowsersWithCloseFrame);
  }

  /** A copy with another close timeout. */
  public WebSocketServerOptions withCloseTimeout(Duration timeout) {
    return new WebSocketServerOptions(path, allowedOrigins, maxInboundFrameBytes, sendQueueMaxFrames,
        sendQueueMaxBytes, maxPendingInboundFrames, heartbeatInterval, heartbeatTimeout, timeout,
        refuseBrowsersWithCloseFrame);
  }

  /** A copy that refuses browsers with an upgrade and a close frame instead of an HTTP status they cannot read. */
  public WebSocketServerOptions withRefuseBrowsersWithCloseFrame(boolean enabled) {
    return new WebSocketServerOptions(path, allowedOrigins, maxInboundFrameBytes, sendQueueMaxFrames,
        sendQueueMaxBytes, maxPendingInboundFrames, heartbeatInterval, heartbeatTimeout, closeTimeout, enabled);
  }
}
