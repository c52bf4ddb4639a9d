package io.senchat.domain.client;

import io.senchat.domain.protocol.SyncToken;
import io.senchat.domain.transport.ClientTransport;
import io.senchat.domain.transport.ClientTransportFactory;
import io.senchat.domain.transport.ClientTransportListener;
import io.senchat.domain.transport.CloseReason;

/**
 * One connection attempt and, if it succeeds, its lifetime: the transport, the requests awaiting replies, and the
 * liveness bookkeeping. Once detached it ignores its transport, so late events of an abandoned connection can never
 * touch the next one.
 */
final class Link implements ClientTransportListener {

  /** Where a link reports its transport's events. */
  interface Events {
    void opened(Link link);

    void frame(Link link, String frame);

    void closed(Link link, CloseReason reason);
  }

  final ClientTransportFactory factory;
  final ClientTransport transport;
  final String accessToken;
  final Requests requests = new Requests();
  final Liveness liveness;
  private final Events events;

  boolean detached;
  boolean welcomed;
  String helloId;
  SyncToken helloToken;
  long handshakeDeadline;
  boolean handshakeGraced;
  /** The server refused the credentials: the close that follows calls for a token refresh. */
  boolean authRefused;
  /** The server announced an orderly retryable end (unavailable, slow_consumer): reconnect whatever the close code. */
  boolean retryAdvised;
  Cancellable watchdog;
  long watchdogDueAt = Long.MAX_VALUE;

  Link(Events events, ClientTransportFactory factory, ClientTransport transport, String accessToken,
      Liveness liveness) {
    this.events = events;
    this.factory = factory;
    this.transport = transport;
    this.accessToken = accessToken;
    this.liveness = liveness;
  }

  @Override
  public void onOpen() {
    if (!detached) {
      events.opened(this);
    }
  }

  @Override
  public void onFrame(String frame) {
    if (!detached) {
      events.frame(this, frame);
    }
  }

  @Override
  public void onClose(CloseReason reason) {
    if (!detached) {
      events.closed(this, reason == null ? CloseReason.ABNORMAL : reason);
    }
  }
}
