package io.senchat.transport.ws.browser;

/**
 * Settings of the browser WebSocket client (plain numbers: {@code java.time} is not translated by GWT).
 *
 * @param path the server's endpoint path, e.g. {@code /ws}
 * @param connectTimeoutMillis a socket not open after this long is abandoned with {@code ABNORMAL}
 * @param maxBufferedBytes when the browser holds more unsent bytes than this, the link is closed with
 *     {@code SLOW_CONSUMER} and {@code send} returns false
 */
public record BrowserWebSocketOptions(String path, int connectTimeoutMillis, int maxBufferedBytes) {

  public BrowserWebSocketOptions {
    if (path == null || !path.startsWith("/")) {
      throw new IllegalArgumentException("path must start with '/': " + path);
    }
    if (connectTimeoutMillis < 1 || maxBufferedBytes < 1) {
      throw new IllegalArgumentException("timeouts and limits must be positive");
    }
  }

  /** Defaults: {@code /ws}, 10 s connect timeout, 4 MiB of unsent data. */
  public static BrowserWebSocketOptions defaults() {
    return new BrowserWebSocketOptions("/ws", 10_000, 4 << 20);
  }
}
