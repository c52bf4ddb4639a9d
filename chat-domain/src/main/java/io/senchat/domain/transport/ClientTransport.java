package io.senchat.domain.transport;

/**
 * The client side of a transport (JVM or browser). One instance is one connection attempt and its lifetime;
 * reconnection policy lives above it, so every transport reconnects the same way.
 */
public interface ClientTransport {

  /** Starts connecting; the outcome arrives at the listener ({@code onOpen} or {@code onClose}). */
  void connect(ClientTransportListener listener);

  /** Sends one encoded client frame; returns false when not open (the caller keeps it for later). */
  boolean send(String frame);

  /** Closes the connection; the listener then gets {@code onClose} once. */
  void close();
}
