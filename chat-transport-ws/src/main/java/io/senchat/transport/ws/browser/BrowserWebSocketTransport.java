package io.senchat.transport.ws.browser;

import elemental2.dom.CloseEvent;
import elemental2.dom.DomGlobal;
import elemental2.dom.Event;
import elemental2.dom.MessageEvent;
import elemental2.dom.WebSocket;
import io.senchat.domain.transport.ClientTransport;
import io.senchat.domain.transport.ClientTransportListener;
import io.senchat.domain.transport.CloseReason;
import io.senchat.transport.ws.shared.WsCloseCodes;

/**
 * One connection attempt over the browser's WebSocket. JavaScript is single-threaded, so no locks; the listener is
 * called from the browser's event loop.
 *
 * <p>A browser does not expose the HTTP status of a refused upgrade: a 401 looks like any network failure (1006,
 * {@code ABNORMAL}) unless the server refuses browsers with a close frame (4001).
 */
final class BrowserWebSocketTransport implements ClientTransport {

  private static final double NO_TIMER = -1;

  private final String url;
  private final String[] protocols;
  private final BrowserWebSocketOptions options;
  private ClientTransportListener listener;
  private WebSocket socket;
  private boolean open;
  private boolean finished;
  private double connectTimer = NO_TIMER;

  BrowserWebSocketTransport(String url, String[] protocols, BrowserWebSocketOptions options) {
    this.url = url;
    this.protocols = protocols;
    this.options = options;
  }

  @Override
  public void connect(ClientTransportListener newListener) {
    if (newListener == null) {
      throw new IllegalArgumentException("listener must not be null");
    }
    if (listener != null || finished) {
      throw new IllegalStateException("connect() may be called once per transport");
    }
    listener = newListener;
    try {
      socket = new WebSocket(url, protocols);
    } catch (RuntimeException e) {
      // A malformed URL or protocol list throws a SyntaxError synchronously.
      finish(CloseReason.ABNORMAL);
      return;
    }
    socket.onopen = this::handleOpen;
    socket.onmessage = this::handleMessage;
    socket.onclose = this::handleClose;
    // Every error is followed by a close event, which carries the code; nothing to do here.
    socket.onerror = this::ignore;
    connectTimer = DomGlobal.setTimeout(args -> handleConnectTimeout(), options.connectTimeoutMillis());
  }

  @Override
  public boolean send(String frame) {
    if (!open || finished) {
      return false;
    }
    if (socket.bufferedAmount > options.maxBufferedBytes()) {
      fail(CloseReason.SLOW_CONSUMER);
      return false;
    }
    socket.send(frame);
    return true;
  }

  @Override
  public void close() {
    if (listener == null) {
      finished = true;
      return;
    }
    fail(CloseReason.NORMAL);
  }

  private void handleOpen(Event event) {
    clearConnectTimer();
    if (finished) {
      return;
    }
    open = true;
    listener.onOpen();
  }

  private void handleMessage(MessageEvent<WebSocket.OnmessageFn.EventMessageEventTypeParameterUnionType> event) {
    if (finished) {
      return;
    }
    if (event.data != null && event.data.isString()) {
      listener.onFrame(event.data.asString());
    } else {
      fail(CloseReason.PROTOCOL_ERROR);
    }
  }

  private void handleClose(CloseEvent event) {
    finish(WsCloseCodes.fromCode(event.code, event.reason));
  }

  private void handleConnectTimeout() {
    connectTimer = NO_TIMER;
    if (!open) {
      fail(CloseReason.ABNORMAL);
    }
  }

  private void ignore(Event event) {}

  private void fail(CloseReason reason) {
    boolean wasFinished = finished;
    finish(reason);
    if (!wasFinished && socket != null) {
      if (WsCloseCodes.clientMaySend(reason.code())) {
        socket.close(reason.code(), reason.reason());
      } else {
        // Browsers refuse protocol codes such as 1009; closing without a code is the honest alternative.
        socket.close();
      }
    }
  }

  private void finish(CloseReason reason) {
    if (finished) {
      return;
    }
    finished = true;
    open = false;
    clearConnectTimer();
    // Next tick: a caller of close() or send() must not be re-entered from inside that call.
    ClientTransportListener target = listener;
    DomGlobal.setTimeout(args -> target.onClose(reason), 0);
  }

  private void clearConnectTimer() {
    if (connectTimer != NO_TIMER) {
      DomGlobal.clearTimeout(connectTimer);
      connectTimer = NO_TIMER;
    }
  }

  @Override
  public String toString() {
    return "BrowserWebSocketTransport[" + url + (open ? ", open]" : finished ? ", closed]" : ", connecting]");
  }
}
