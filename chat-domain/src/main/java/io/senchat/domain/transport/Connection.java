package io.senchat.domain.transport;

/** One client link as the server core sees it, whatever transport carries it. Implementations are thread-safe. */
public interface Connection {

  /** An identifier unique within this server process, for logs and metrics. */
  String id();

  /**
   * Queues one encoded server frame for delivery without blocking. Returns false when the connection is closed or
   * its bounded send queue is full; in the latter case the transport closes it with {@link CloseReason#SLOW_CONSUMER}
   * and the client resumes by sync token, so nobody else waits for a slow peer.
   */
  boolean send(String frame);

  /** Closes the link, telling the peer why when the transport can; idempotent. */
  void close(CloseReason reason);
}
