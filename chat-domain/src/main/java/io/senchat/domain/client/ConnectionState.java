package io.senchat.domain.client;

/** Where a {@link ChatClient} stands with the server. */
public enum ConnectionState {
  /** Not connected and not trying: not started yet, closed by the application, or ended normally by the server. */
  OFFLINE,
  /** A connection attempt is in progress (transport opening, {@code hello} sent, or refreshing the access token). */
  CONNECTING,
  /** The server said {@code welcome}: commands flow; the feed may still be catching up. */
  ONLINE,
  /** The connection was lost; the next attempt starts after {@link ConnectionStatus#retryInMillis()}. */
  RECONNECTING,
  /**
   * Gave up: retrying unchanged cannot help (credentials refused even after a refresh, origin refused, protocol version
   * no longer supported). The application shows {@link ConnectionStatus#failureCode()} and may call
   * {@link ChatClient#start()} again once it has fixed the cause (e.g. after a new sign-in).
   */
  FAILED
}
