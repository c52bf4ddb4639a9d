package io.senchat.domain.client;

import io.senchat.domain.protocol.ServerFrame;
import io.senchat.domain.protocol.ServerFrame.ErrorFrame;

/**
 * Receives the outcome of one command: exactly one of the two methods is called, once, on the event loop.
 *
 * @param <T> the reply frame of the command ({@code ack}, {@code history.page})
 */
public interface RequestCallback<T extends ServerFrame> {

  /** The server's reply. */
  void onReply(T reply);

  /**
   * The server's error, or a local one: {@code unavailable} (retryable) when the client was not connected or the
   * connection was lost before the reply, in which case the command may or may not have taken effect.
   */
  void onError(ErrorFrame error);
}
