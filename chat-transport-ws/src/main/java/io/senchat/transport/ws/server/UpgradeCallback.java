package io.senchat.transport.ws.server;

import io.senchat.domain.transport.CloseReason;
import io.senchat.domain.transport.ConnectionAcceptor;
import io.undertow.websockets.WebSocketConnectionCallback;
import io.undertow.websockets.core.AbstractReceiveListener;
import io.undertow.websockets.core.WebSocketChannel;
import io.undertow.websockets.core.WebSockets;
import io.undertow.websockets.spi.WebSocketHttpExchange;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.xnio.IoUtils;

/** Turns each upgraded channel into a {@link WsConnection}, or closes it at once when the request was refused. */
final class UpgradeCallback implements WebSocketConnectionCallback {

  private final ConnectionAcceptor acceptor;
  private final WebSocketServerOptions options;
  private final Executor worker;
  private final ConnectionRegistry registry;

  /** @param worker runs the core's callbacks; {@code null} means Undertow's worker pool */
  UpgradeCallback(ConnectionAcceptor acceptor, WebSocketServerOptions options, Executor worker,
      ConnectionRegistry registry) {
    this.acceptor = acceptor;
    this.options = options;
    this.worker = worker;
    this.registry = registry;
  }

  @Override
  public void onConnect(WebSocketHttpExchange exchange, WebSocketChannel channel) {
    Admission admission = exchange.getAttachment(WebSocketEndpoint.ADMISSION);
    if (admission == null || admission.refusal() != null) {
      refuse(channel, admission == null ? CloseReason.PROTOCOL_ERROR : admission.refusal());
      return;
    }
    Executor executor = worker != null ? worker : channel.getWorker();
    new WsConnection(channel, options, executor, registry).start(acceptor, admission.principal());
  }

  private void refuse(WebSocketChannel channel, CloseReason reason) {
    // Read only to see the peer's close answer; small limits, since this peer has not been authenticated.
    channel.getReceiveSetter().set(new RefusedListener());
    WebSockets.sendClose(reason.code(), reason.reason(), channel, null);
    channel.resumeReceives();
    channel.getIoThread().executeAfter(() -> IoUtils.safeClose(channel), options.closeTimeout().toMillis(),
        TimeUnit.MILLISECONDS);
  }

  @Override
  public String toString() {
    return "UpgradeCallback[" + acceptor + "]";
  }

  /** Reads a refused peer's frames only to complete the close handshake. */
  static final class RefusedListener extends AbstractReceiveListener {

    private static final long MAX_BYTES = 1024;

    @Override
    protected long getMaxTextBufferSize() {
      return MAX_BYTES;
    }

    @Override
    protected long getMaxBinaryBufferSize() {
      return MAX_BYTES;
    }

    @Override
    public String toString() {
      return "RefusedListener";
    }
  }
}
