package io.senchat.transport.ws.client;

import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletionStage;

/** Forwards the JDK's WebSocket events to the transport; every message is consumed before the method returns. */
final class JdkListener implements WebSocket.Listener {

  private final JdkWebSocketTransport transport;

  JdkListener(JdkWebSocketTransport transport) {
    this.transport = transport;
  }

  @Override
  public void onOpen(WebSocket webSocket) {
    transport.onOpen(webSocket);
  }

  @Override
  public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
    transport.onText(webSocket, data, last);
    return null;
  }

  @Override
  public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
    transport.onBinary();
    return null;
  }

  @Override
  public CompletionStage<?> onPing(WebSocket webSocket, ByteBuffer message) {
    transport.onControlFrame(webSocket);
    return null;
  }

  @Override
  public CompletionStage<?> onPong(WebSocket webSocket, ByteBuffer message) {
    transport.onControlFrame(webSocket);
    return null;
  }

  @Override
  public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
    transport.onClose(statusCode, reason);
    return null;
  }

  @Override
  public void onError(WebSocket webSocket, Throwable error) {
    transport.onError(error);
  }

  @Override
  public String toString() {
    return "JdkListener[" + transport + "]";
  }
}
