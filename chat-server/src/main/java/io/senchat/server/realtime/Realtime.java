package io.senchat.server.realtime;

/** The real-time core's lifecycle, for the server that embeds it. */
public interface Realtime {

  /**
   * Refuses new connections and ends every live session: an {@code unavailable} error, then
   * {@link io.senchat.domain.transport.CloseReason#GOING_AWAY}, so clients reconnect with backoff and resume
   * (a normal close would make them stay offline). Idempotent. Call it before shutting the transports down and
   * before closing the message writer; acknowledged messages are already durable.
   */
  void shutdown();

  /** Live sessions on this node. */
  int sessionCount();
}
