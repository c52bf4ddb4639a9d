package io.senchat.transport.ws.server;

import io.undertow.websockets.core.WebSocketChannel;
import org.xnio.ChannelListener;

/** Tells the connection its socket is gone, however that happened. */
final class ChannelClosedTask implements ChannelListener<WebSocketChannel> {

  private final WsConnection connection;

  ChannelClosedTask(WsConnection connection) {
    this.connection = connection;
  }

  @Override
  public void handleEvent(WebSocketChannel channel) {
    connection.onChannelClosed();
  }

  @Override
  public String toString() {
    return "ChannelClosedTask[" + connection.id() + "]";
  }
}
