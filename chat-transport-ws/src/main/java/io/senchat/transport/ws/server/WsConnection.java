package io.senchat.transport.ws.server;

import io.senchat.domain.common.ChatException;
import io.senchat.domain.transport.CloseReason;
import io.senchat.domain.transport.Connection;
import io.senchat.domain.transport.ConnectionAcceptor;
import io.senchat.domain.transport.ConnectionSession;
import io.senchat.domain.transport.Principal;
import io.senchat.transport.ws.concurrent.SerialExecutor;
import io.senchat.transport.ws.shared.WsCloseCodes;
import io.undertow.websockets.core.WebSockets;
import io.undertow.websockets.core.WebSocketChannel;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xnio.IoUtils;
import org.xnio.XnioExecutor;

/**
 * One upgraded WebSocket as the core sees it.
 *
 * <p>Threads: Undertow calls the {@code on…} methods on the channel's IO thread; the session is called only from
 * {@link #events}, a serial executor over the worker pool, so the core sees one frame at a time, in order, and may
 * block. {@link #send} and {@link #close} are called from any thread.
 */
final class WsConnection implements Connection {

  private static final Logger LOG = LoggerFactory.getLogger(WsConnection.class);
  private static final AtomicLong IDS = new AtomicLong();

  private final String id;
  private final WebSocketChannel channel;
  private final WebSocketServerOptions options;
  private final ConnectionRegistry registry;
  private final SerialExecutor events;
  private final SendCallback sendCallback = new SendCallback(this);
  private final Object sendLock = new Object();
  private final AtomicInteger queuedFrames = new AtomicInteger();
  private final AtomicLong queuedBytes = new AtomicLong();
  private final AtomicInteger pendingInbound = new AtomicInteger();
  private final AtomicReference<CloseReason> closeReason = new AtomicReference<>();
  private final int resumeBelow;
  private volatile long lastActivityNanos = System.nanoTime();
  private volatile XnioExecutor.Key heartbeat;
  // IO thread only.
  private boolean receivesSuspended;
  // Event thread only.
  private ConnectionSession session;
  private boolean sessionClosed;

  WsConnection(WebSocketChannel channel, WebSocketServerOptions options, Executor worker,
      ConnectionRegistry registry) {
    this.id = "ws-" + IDS.incrementAndGet();
    this.channel = channel;
    this.options = options;
    this.registry = registry;
    this.events = new SerialExecutor(worker, id);
    this.resumeBelow = options.maxPendingInboundFrames() / 2;
  }

  @Override
  public String id() {
    return id;
  }

  /** Wires the channel and opens the session; called once on the IO thread right after the upgrade. */
  void start(ConnectionAcceptor acceptor, Principal principal) {
    channel.getReceiveSetter().set(new InboundListener(this, options.maxInboundFrameBytes()));
    channel.addCloseTask(new ChannelClosedTask(this));
    // Queued first, so that every frame is delivered after open() returned.
    events.execute(() -> openSession(acceptor, principal));
    if (!registry.add(this)) {
      close(CloseReason.GOING_AWAY);
      return;
    }
    startHeartbeat();
    channel.resumeReceives();
  }

  @Override
  public boolean send(String frame) {
    byte[] bytes = frame.getBytes(StandardCharsets.UTF_8);
    boolean overflow;
    // The lock orders frames from concurrent callers; Undertow only queues and writes without blocking.
    synchronized (sendLock) {
      if (closeReason.get() != null) {
        return false;
      }
      int frames = queuedFrames.get();
      // A single frame larger than the byte bound still goes out when nothing else is queued.
      overflow = frames > 0 && (frames >= options.sendQueueMaxFrames()
          || queuedBytes.get() + bytes.length > options.sendQueueMaxBytes());
      if (!overflow) {
        queuedFrames.incrementAndGet();
        queuedBytes.addAndGet(bytes.length);
        WebSockets.sendText(ByteBuffer.wrap(bytes), channel, sendCallback, bytes.length);
      }
    }
    if (overflow) {
      LOG.info("{}: send queue full ({} frames, {} bytes), closing slow consumer {}", id, queuedFrames.get(),
          queuedBytes.get(), remoteAddress());
      close(CloseReason.SLOW_CONSUMER);
      return false;
    }
    return true;
  }

  @Override
  public void close(CloseReason reason) {
    if (!finish(reason)) {
      return;
    }
    if (reason.code() == CloseReason.SLOW_CONSUMER.code()) {
      // Behind a full queue a close frame would never get out; free the socket now.
      abort();
      return;
    }
    synchronized (sendLock) {
      if (channel.isOpen() && !channel.isCloseFrameSent()) {
        WebSockets.sendClose(reason.code(), reason.reason(), channel, null);
      }
    }
    abortAfterCloseTimeout();
  }

  // ---- called by Undertow on the IO thread ----

  void markActivity() {
    lastActivityNanos = System.nanoTime();
  }

  void onInboundFrame(String frame) {
    if (closeReason.get() != null) {
      return;
    }
    if (pendingInbound.incrementAndGet() >= options.maxPendingInboundFrames() && !receivesSuspended) {
      // The core is behind: stop reading so TCP pushes back on this client instead of memory growing here.
      receivesSuspended = true;
      channel.suspendReceives();
    }
    events.execute(() -> deliver(frame));
  }

  void onPeerClose(int code, String text) {
    finish(WsCloseCodes.fromCode(code, text));
    // Undertow answers the close frame; this only bounds how long a peer may keep the socket half-closed.
    abortAfterCloseTimeout();
  }

  void onPeerGone() {
    finish(CloseReason.ABNORMAL);
    abort();
  }

  void onReceiveError(Throwable error) {
    if (channel.isCloseFrameSent()) {
      // Undertow already answered with a close frame (message too big, invalid UTF-8, bad framing): report its code
      // and give the frame time to reach the peer. Reads stop, as the offending message is abandoned half read.
      finish(WsCloseCodes.fromCode(channel.getCloseCode(), channel.getCloseReason()));
      channel.suspendReceives();
      abortAfterCloseTimeout();
    } else {
      LOG.debug("{}: receive failed", id, error);
      finish(CloseReason.ABNORMAL);
      abort();
    }
  }

  void onChannelClosed() {
    finish(CloseReason.ABNORMAL);
    registry.remove(this);
  }

  void onFrameWritten(int bytes) {
    queuedFrames.decrementAndGet();
    queuedBytes.addAndGet(-bytes);
  }

  void onSendError(Throwable error) {
    LOG.debug("{}: send failed", id, error);
    // When the peer's close frame is being read, its reason arrives in a moment; otherwise the link is broken.
    if (!channel.isCloseFrameReceived()) {
      finish(CloseReason.ABNORMAL);
    }
    abort();
  }

  // ---- internals ----

  private boolean finish(CloseReason reason) {
    if (!closeReason.compareAndSet(null, reason)) {
      return false;
    }
    XnioExecutor.Key key = heartbeat;
    if (key != null) {
      key.remove();
    }
    LOG.debug("{}: closing with {}", id, reason);
    events.execute(this::notifyClosed);
    return true;
  }

  private void openSession(ConnectionAcceptor acceptor, Principal principal) {
    if (closeReason.get() != null) {
      // Closed before the core saw it: never open a session only to close it.
      return;
    }
    try {
      ConnectionSession opened = acceptor.open(this, principal);
      if (opened == null) {
        throw new IllegalStateException("acceptor returned no session");
      }
      session = opened;
    } catch (ChatException e) {
      LOG.info("{}: core refused the session: {} {}", id, e.code().wireName(), e.getMessage());
      close(CloseReasons.forRefusal(e.code()));
    } catch (RuntimeException e) {
      LOG.error("{}: opening the session failed", id, e);
      close(CloseReasons.SERVER_ERROR);
    }
  }

  private void deliver(String frame) {
    try {
      if (!sessionClosed && session != null) {
        session.onFrame(frame);
      }
    } catch (RuntimeException e) {
      LOG.error("{}: session failed on a frame", id, e);
    } finally {
      if (pendingInbound.decrementAndGet() == resumeBelow) {
        channel.getIoThread().execute(this::resumeIfDrained);
      }
    }
  }

  private void notifyClosed() {
    if (sessionClosed) {
      return;
    }
    sessionClosed = true;
    if (session != null) {
      try {
        session.onClose(closeReason.get());
      } catch (RuntimeException e) {
        LOG.error("{}: session failed on close", id, e);
      }
    }
  }

  // IO thread: the suspend happened there too, so the flag needs no lock.
  private void resumeIfDrained() {
    if (receivesSuspended && closeReason.get() == null && pendingInbound.get() < options.maxPendingInboundFrames()) {
      receivesSuspended = false;
      markActivity();
      channel.resumeReceives();
    }
  }

  private void startHeartbeat() {
    long intervalMillis = options.heartbeatInterval().toMillis();
    if (intervalMillis > 0) {
      heartbeat = channel.getIoThread().executeAtInterval(this::heartbeatTick, intervalMillis, TimeUnit.MILLISECONDS);
    }
  }

  // IO thread.
  private void heartbeatTick() {
    if (closeReason.get() != null) {
      heartbeat.remove();
      return;
    }
    long now = System.nanoTime();
    if (receivesSuspended) {
      // Silence while we are not reading is our backlog, not the peer's fault.
      lastActivityNanos = now;
    }
    if (now - lastActivityNanos > options.heartbeatTimeout().toNanos()) {
      LOG.info("{}: no frame or pong for {}, closing {}", id, options.heartbeatTimeout(), remoteAddress());
      close(CloseReason.HEARTBEAT_TIMEOUT);
      return;
    }
    synchronized (sendLock) {
      if (closeReason.get() == null) {
        WebSockets.sendPing(ByteBuffer.allocate(0), channel, null);
      }
    }
  }

  private void abort() {
    channel.getIoThread().execute(() -> IoUtils.safeClose(channel));
  }

  private void abortAfterCloseTimeout() {
    channel.getIoThread().executeAfter(() -> IoUtils.safeClose(channel), options.closeTimeout().toMillis(),
        TimeUnit.MILLISECONDS);
  }

  private String remoteAddress() {
    return String.valueOf(channel.getSourceAddress());
  }

  @Override
  public String toString() {
    CloseReason reason = closeReason.get();
    return "WsConnection[" + id + ", " + remoteAddress() + (reason == null ? ", open]" : ", " + reason + "]");
  }
}
