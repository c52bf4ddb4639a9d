package io.senchat.transport.ws.server;

import io.senchat.domain.transport.CloseReason;
import io.undertow.websockets.core.AbstractReceiveListener;
import io.undertow.websockets.core.BufferedBinaryMessage;
import io.undertow.websockets.core.BufferedTextMessage;
import io.undertow.websockets.core.CloseMessage;
import io.undertow.websockets.core.WebSocketChannel;
import java.io.IOException;

/**
 * Reads one connection's frames on its IO thread: reassembles text messages up to the cap and hands them to the
 * connection; pings are answered by Undertow; binary messages break the protocol.
 */
final class InboundListener extends AbstractReceiveListener {

  private final WsConnection connection;
  private final long maxFrameBytes;
  // IO thread only.
  private boolean closeFrameArrived;

  InboundListener(WsConnection connection, long maxFrameBytes) {
    this.connection = connection;
    this.maxFrameBytes = maxFrameBytes;
  }

  @Override
  public void handleEvent(WebSocketChannel channel) {
    // Any frame start (text, ping, pong, close) proves the peer is alive.
    connection.markActivity();
    super.handleEvent(channel);
  }

  @Override
  protected void onFullTextMessage(WebSocketChannel channel, BufferedTextMessage message) {
    connection.onInboundFrame(message.getData());
  }

  @Override
  protected void onFullBinaryMessage(WebSocketChannel channel, BufferedBinaryMessage message) {
    message.getData().free();
    connection.close(CloseReason.PROTOCOL_ERROR);
  }

  @Override
  protected void onFullPongMessage(WebSocketChannel channel, BufferedBinaryMessage message) {
    message.getData().free();
  }

  @Override
  protected void onFullCloseMessage(WebSocketChannel channel, BufferedBinaryMessage message) throws IOException {
    closeFrameArrived = true;
    super.onFullCloseMessage(channel, message);
  }

  @Override
  protected void onCloseMessage(CloseMessage message, WebSocketChannel channel) {
    if (closeFrameArrived) {
      connection.onPeerClose(message.getCode(), message.getReason());
    } else {
      // Undertow reports a socket that ended without a close frame as a made-up 1001; it is a lost connection.
      connection.onPeerGone();
    }
  }

  @Override
  protected void onError(WebSocketChannel channel, Throwable error) {
    connection.onReceiveError(error);
  }

  @Override
  protected long getMaxTextBufferSize() {
    return maxFrameBytes;
  }

  @Override
  protected long getMaxBinaryBufferSize() {
    return maxFrameBytes;
  }

  @Override
  public String toString() {
    return "InboundListener[" + connection.id() + ", max " + maxFrameBytes + " bytes]";
  }
}
