package io.senchat.domain.client;

import io.senchat.domain.protocol.ClientFrame;
import io.senchat.domain.protocol.Inbound;
import io.senchat.domain.protocol.ProtocolCodec;
import io.senchat.domain.protocol.ServerFrame;
import io.senchat.domain.transport.ClientTransport;
import io.senchat.domain.transport.ClientTransportListener;
import io.senchat.domain.transport.CloseReason;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** A transport the test drives frame by frame, playing the server. */
final class FakeTransport implements ClientTransport {

  final String accessToken;
  final List<String> sentText = new ArrayList<>();
  private final Consumer<Inbound> onClientFrame;
  private ClientTransportListener listener;
  private boolean open;
  private boolean closed;
  private boolean closedByClient;
  /** When set, send() fails as a transport does that closed itself but has not reported it yet. */
  boolean refuseSends;

  FakeTransport(String accessToken, Consumer<Inbound> onClientFrame) {
    this.accessToken = accessToken;
    this.onClientFrame = onClientFrame;
  }

  @Override
  public void connect(ClientTransportListener newListener) {
    if (listener != null) {
      throw new IllegalStateException("connect() twice");
    }
    listener = newListener;
  }

  @Override
  public boolean send(String frame) {
    if (!open || closed || refuseSends) {
      return false;
    }
    sentText.add(frame);
    onClientFrame.accept(ProtocolCodec.decodeClient(frame));
    return true;
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    closedByClient = true;
    open = false;
    if (listener != null) {
      listener.onClose(CloseReason.NORMAL);
    }
  }

  // ---- the server's side ----

  void open() {
    open = true;
    listener.onOpen();
  }

  void deliver(String requestId, ServerFrame frame) {
    if (closed) {
      throw new IllegalStateException("delivering on a closed transport");
    }
    listener.onFrame(ProtocolCodec.encodeServer(requestId, frame));
  }

  /** Delivers even after the close, as a transport that breaks its contract would. */
  void deliverAfterClose(String requestId, ServerFrame frame) {
    listener.onFrame(ProtocolCodec.encodeServer(requestId, frame));
  }

  void deliverEvent(ServerFrame frame) {
    deliver(null, frame);
  }

  void deliverRaw(String text) {
    listener.onFrame(text);
  }

  /** The connection ends from the server's or the network's side. */
  void drop(CloseReason reason) {
    if (closed) {
      return;
    }
    closed = true;
    open = false;
    listener.onClose(reason);
  }

  boolean isOpen() {
    return open && !closed;
  }

  boolean isClosed() {
    return closed;
  }

  boolean closedByClient() {
    return closedByClient;
  }

  boolean connectCalled() {
    return listener != null;
  }

  List<Inbound> sent() {
    List<Inbound> decoded = new ArrayList<>();
    for (String text : sentText) {
      decoded.add(ProtocolCodec.decodeClient(text));
    }
    return decoded;
  }

  List<Inbound> sent(String type) {
    return sent().stream().filter(i -> i.frame().type().equals(type)).toList();
  }

  Inbound lastSent(String type) {
    List<Inbound> ofType = sent(type);
    if (ofType.isEmpty()) {
      throw new AssertionError("no " + type + " sent; sent: " + sentTypes());
    }
    return ofType.get(ofType.size() - 1);
  }

  List<String> sentTypes() {
    return sent().stream().map(i -> i.frame().type()).toList();
  }

  /** The client ids of the message.send frames, in order. */
  List<String> sentClientIds() {
    return sent(ClientFrame.SendMessage.TYPE).stream()
        .map(i -> ((ClientFrame.SendMessage) i.frame()).message().clientId())
        .toList();
  }
}
