package io.senchat.transport.ws.server;

import io.undertow.websockets.core.WebSocketCallback;
import io.undertow.websockets.core.WebSocketChannel;

/** Releases a frame's share of the send-queue bound once Undertow has written it (or failed to). */
final class SendCallback implements WebSocketCallback<Integer> {

  private final WsConnection connection;

  SendCallback(WsConnection connection) {
    this.connection = connection;
  }

  @Override
  public void complete(WebSocketChannel channel, Integer bytes) {
    connection.onFrameWritten(bytes);
  }

  @Override
  public void onError(WebSocketChannel channel, Integer bytes, Throwable error) {
    connection.onFrameWritten(bytes);
    connection.onSendError(error);
  }

  @Override
  public String toString() {
    return "SendCallback[" + connection.id() + "]";
  }
}
