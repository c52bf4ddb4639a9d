package io.senchat.transport.ws.client;

import io.senchat.domain.transport.ClientTransport;
import io.senchat.domain.transport.ClientTransportListener;
import io.senchat.domain.transport.CloseReason;
import io.senchat.transport.ws.concurrent.SerialExecutor;
import io.senchat.transport.ws.shared.WsCloseCodes;
import io.senchat.transport.ws.shared.WsSubprotocols;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connection attempt over {@code java.net.http.WebSocket}.
 *
 * <p>Threads: the JDK calls the {@code on…} methods one at a time; the caller's listener is called only from
 * {@link #events}, one event at a time and in order. A frame is acknowledged to the JDK ({@code request(1)}) only after
 * the listener has taken it, so a slow listener slows the server down instead of filling memory.
 */
final class JdkWebSocketTransport implements ClientTransport {

  private static final Logger LOG = LoggerFactory.getLogger(JdkWebSocketTransport.class);

  // Reassembly buffers above this are dropped after use rather than kept for the life of the connection.
  private static final int KEEP_BUFFER_CHARS = 64 * 1024;

  private enum State { NEW, CONNECTING, OPEN, CLOSED }

  private final HttpClient http;
  private final URI uri;
  private final String accessToken;
  private final WebSocketClientOptions options;
  private final Executor executor;
  private final SerialExecutor events;
  private final Object lock = new Object();
  private final ArrayDeque<String> outbox = new ArrayDeque<>();
  private final AtomicBoolean closeReported = new AtomicBoolean();
  private volatile long lastReceivedNanos;
  private volatile ClientTransportListener listener;
  // Guarded by lock.
  private State state = State.NEW;
  private WebSocket socket;
  private boolean sending;
  // Event thread only.
  private boolean listenerClosed;
  // JDK listener calls only (sequential).
  private StringBuilder partial = new StringBuilder();

  JdkWebSocketTransport(HttpClient http, URI uri, String accessToken, WebSocketClientOptions options,
      Executor executor) {
    this.http = http;
    this.uri = uri;
    this.accessToken = accessToken;
    this.options = options;
    this.executor = executor;
    this.events = new SerialExecutor(executor, "ws-client " + uri);
  }

  @Override
  public void connect(ClientTransportListener newListener) {
    if (newListener == null) {
      throw new IllegalArgumentException("listener must not be null");
    }
    synchronized (lock) {
      if (state != State.NEW) {
        throw new IllegalStateException("connect() may be called once per transport");
      }
      listener = newListener;
      state = State.CONNECTING;
    }
    try {
      WebSocket.Builder builder = http.newWebSocketBuilder().connectTimeout(options.connectTimeout());
      List<String> protocols = options.tokenCarrier() == TokenCarrier.SUBPROTOCOL
          ? WsSubprotocols.offer(accessToken)
          : List.of(WsSubprotocols.PROTOCOL);
      builder.subprotocols(protocols.get(0), protocols.subList(1, protocols.size()).toArray(new String[0]));
      URI target = uri;
      if (!accessToken.isEmpty() && options.tokenCarrier() == TokenCarrier.HEADER) {
        builder.header("Authorization", "Bearer " + accessToken);
      } else if (!accessToken.isEmpty() && options.tokenCarrier() == TokenCarrier.QUERY) {
        target = withTokenQuery(uri, accessToken);
      }
      builder.buildAsync(target, new JdkListener(this)).whenComplete(this::onConnectOutcome);
    } catch (RuntimeException e) {
      LOG.debug("cannot start connecting to {}", uri, e);
      finish(CloseReason.ABNORMAL);
    }
  }

  @Override
  public boolean send(String frame) {
    boolean overflow = false;
    boolean startPump = false;
    synchronized (lock) {
      if (state != State.OPEN) {
        return false;
      }
      if (outbox.size() >= options.sendQueueMaxFrames()) {
        overflow = true;
      } else {
        outbox.add(frame);
        if (!sending) {
          sending = true;
          startPump = true;
        }
      }
    }
    if (overflow) {
      LOG.info("send queue to {} full ({} frames); closing", uri, options.sendQueueMaxFrames());
      fail(CloseReason.SLOW_CONSUMER);
      return false;
    }
    if (startPump) {
      sendNext();
    }
    return true;
  }

  @Override
  public void close() {
    synchronized (lock) {
      if (state == State.CLOSED) {
        return;
      }
      if (state == State.NEW) {
        // connect() was never called: there is no listener to tell.
        state = State.CLOSED;
        return;
      }
    }
    // While CONNECTING there is no socket yet; onOpen sees CLOSED and closes it.
    fail(CloseReason.NORMAL);
  }

  // ---- called by the JDK (JdkListener), one at a time ----

  void onOpen(WebSocket webSocket) {
    boolean closedMeanwhile;
    synchronized (lock) {
      closedMeanwhile = state == State.CLOSED;
      if (!closedMeanwhile) {
        socket = webSocket;
        state = State.OPEN;
      }
    }
    if (closedMeanwhile) {
      closeSocket(webSocket, CloseReason.NORMAL);
      return;
    }
    lastReceivedNanos = System.nanoTime();
    events.execute(this::deliverOpen);
    scheduleIdleCheck();
    webSocket.request(1);
  }

  void onText(WebSocket webSocket, CharSequence data, boolean last) {
    lastReceivedNanos = System.nanoTime();
    if (partial.length() + data.length() > options.maxInboundFrameChars()) {
      partial = new StringBuilder();
      LOG.info("message from {} over {} chars; closing", uri, options.maxInboundFrameChars());
      fail(CloseReason.TOO_LARGE);
      return;
    }
    if (!last) {
      appendBulk(partial, data);
      webSocket.request(1);
      return;
    }
    String frame;
    if (partial.length() == 0) {
      frame = data.toString();
    } else {
      frame = appendBulk(partial, data).toString();
      partial = partial.capacity() > KEEP_BUFFER_CHARS ? new StringBuilder() : partial.delete(0, partial.length());
    }
    events.execute(() -> deliverFrame(webSocket, frame));
  }

  void onBinary() {
    fail(CloseReason.PROTOCOL_ERROR);
  }

  void onControlFrame(WebSocket webSocket) {
    // Pings are answered by the JDK itself; either kind proves the server is alive.
    lastReceivedNanos = System.nanoTime();
    webSocket.request(1);
  }

  void onClose(int statusCode, String reason) {
    // The JDK echoes the close frame and then closes the socket.
    finish(WsCloseCodes.fromCode(statusCode, reason));
  }

  void onError(Throwable error) {
    LOG.debug("connection to {} failed", uri, error);
    finish(CloseReason.ABNORMAL);
  }

  // ---- internals ----

  private void onConnectOutcome(WebSocket webSocket, Throwable error) {
    if (error == null) {
      return;
    }
    Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    CloseReason reason = cause instanceof WebSocketHandshakeException handshake
        ? WsCloseCodes.fromHandshakeStatus(handshake.getResponse().statusCode())
        : CloseReason.ABNORMAL;
    LOG.debug("connecting to {} failed: {}", uri, reason, cause);
    finish(reason);
  }

  private void deliverOpen() {
    if (!listenerClosed) {
      listener.onOpen();
    }
  }

  private void deliverFrame(WebSocket webSocket, String frame) {
    try {
      if (!listenerClosed) {
        listener.onFrame(frame);
      }
    } finally {
      webSocket.request(1);
    }
  }

  private void deliverClose(CloseReason reason) {
    if (!listenerClosed) {
      listenerClosed = true;
      listener.onClose(reason);
    }
  }

  private void sendNext() {
    String next;
    WebSocket webSocket;
    synchronized (lock) {
      next = state == State.OPEN ? outbox.poll() : null;
      if (next == null) {
        sending = false;
        return;
      }
      webSocket = socket;
    }
    try {
      // Async continuation: a send that completes at once must not recurse through the whole queue.
      webSocket.sendText(next, true).whenCompleteAsync(this::afterSend, executor);
    } catch (RuntimeException e) {
      afterSend(webSocket, e);
    }
  }

  private void afterSend(WebSocket webSocket, Throwable error) {
    if (error != null) {
      LOG.debug("send to {} failed", uri, error);
      fail(CloseReason.ABNORMAL);
      return;
    }
    sendNext();
  }

  /** Records the reason and tells the listener once; returns the socket to close, if this call closed it. */
  private WebSocket finish(CloseReason reason) {
    WebSocket webSocket;
    synchronized (lock) {
      state = State.CLOSED;
      webSocket = socket;
      socket = null;
      outbox.clear();
    }
    if (!closeReported.compareAndSet(false, true)) {
      return null;
    }
    events.execute(() -> deliverClose(reason));
    return webSocket;
  }

  /** A decision of this side to close: report it and close the socket with it. */
  private void fail(CloseReason reason) {
    WebSocket webSocket = finish(reason);
    if (webSocket != null) {
      closeSocket(webSocket, reason);
    }
  }

  private void closeSocket(WebSocket webSocket, CloseReason reason) {
    if (reason.code() == CloseReason.HEARTBEAT_TIMEOUT.code() || !WsCloseCodes.clientMaySend(reason.code())) {
      // Unreachable server: a close handshake would only wait for the timeout. Protocol codes (1002, 1009) cannot
      // be sent by a client, and a 1000 would tell the server all went well.
      webSocket.abort();
      return;
    }
    try {
      webSocket.sendClose(reason.code(), reason.reason());
    } catch (RuntimeException e) {
      webSocket.abort();
      return;
    }
    // Bounds the closing handshake: a server that never answers must not keep the socket.
    CompletableFuture.delayedExecutor(options.connectTimeout().toMillis(), TimeUnit.MILLISECONDS, executor)
        .execute(webSocket::abort);
  }

  private void scheduleIdleCheck() {
    long idleMillis = options.readIdleTimeout().toMillis();
    if (idleMillis > 0) {
      CompletableFuture.delayedExecutor(Math.max(idleMillis / 4, 10), TimeUnit.MILLISECONDS, executor)
          .execute(this::checkIdle);
    }
  }

  private void checkIdle() {
    synchronized (lock) {
      if (state != State.OPEN) {
        return;
      }
    }
    if (System.nanoTime() - lastReceivedNanos > options.readIdleTimeout().toNanos()) {
      LOG.info("nothing from {} for {}; closing", uri, options.readIdleTimeout());
      fail(CloseReason.HEARTBEAT_TIMEOUT);
    } else {
      scheduleIdleCheck();
    }
  }

  /** StringBuilder.append(CharSequence) copies a CharBuffer (what the JDK hands over) one charAt() at a time. */
  private static StringBuilder appendBulk(StringBuilder builder, CharSequence data) {
    if (data instanceof CharBuffer buffer && buffer.hasArray()) {
      return builder.append(buffer.array(), buffer.arrayOffset() + buffer.position(), buffer.remaining());
    }
    return builder.append(data);
  }

  private static URI withTokenQuery(URI uri, String token) {
    String separator = uri.getRawQuery() == null ? "?" : "&";
    return URI.create(uri + separator + "access_token=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
  }

  @Override
  public String toString() {
    synchronized (lock) {
      return "JdkWebSocketTransport[" + uri + ", " + state + ", " + outbox.size() + " queued]";
    }
  }
}
