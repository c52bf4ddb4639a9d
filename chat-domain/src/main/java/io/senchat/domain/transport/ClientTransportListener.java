package io.senchat.domain.transport;

/** Events from a {@link ClientTransport}, delivered on the client's event thread. */
public interface ClientTransportListener {

  /** The connection is open and accepts frames. */
  default void onOpen() {}

  /** One complete frame from the server, not yet decoded. */
  default void onFrame(String frame) {}

  /** The connection is closed or could not open; called exactly once per {@link ClientTransport#connect}. */
  default void onClose(CloseReason reason) {}
}
