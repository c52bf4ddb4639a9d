package io.senchat.domain.transport;

/** Receives what arrives on one connection; the transport calls it from one thread at a time per connection. */
public interface ConnectionSession {

  /** One complete inbound frame, not yet decoded. */
  void onFrame(String frame);

  /** The connection is gone, for whatever reason; called exactly once. */
  void onClose(CloseReason reason);
}
