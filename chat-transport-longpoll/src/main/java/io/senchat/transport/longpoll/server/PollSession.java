package io.senchat.transport.longpoll.server;

import io.senchat.domain.common.ChatException;
import io.senchat.domain.common.ErrorCode;
import io.senchat.domain.transport.CloseReason;
import io.senchat.domain.transport.Connection;
import io.senchat.domain.transport.ConnectionAcceptor;
import io.senchat.domain.transport.ConnectionSession;
import io.senchat.domain.transport.Principal;
import io.senchat.transport.longpoll.concurrent.SerialExecutor;
import io.senchat.transport.longpoll.shared.PollBatch;
import io.undertow.server.HttpServerExchange;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xnio.XnioExecutor;

/**
 * One long-poll session as the core sees it: a {@link Connection} whose frames wait in a bounded buffer until a poll
 * takes them and a later poll acknowledges them by cursor, so that a batch lost with a broken poll is sent again.
 *
 * <p>Threads: {@link #send}, {@link #close}, {@link #poll} and {@link #upstream} come from any thread and meet under
 * {@link #lock}; a held poll is answered by whichever thread takes it out of {@link #held} (a send, a close, its
 * timer on the exchange's IO thread, or the next poll), so exactly one thread writes each exchange. The core is
 * called only from {@link #events}, one call at a time, in order.
 */
final class PollSession implements Connection {

  private static final Logger LOG = LoggerFactory.getLogger(PollSession.class);
  private static final AtomicLong IDS = new AtomicLong();

  private final String id;
  private final String sessionId;
  private final String remoteAddress;
  private final LongPollServerOptions options;
  private final SessionRegistry registry;
  private final SerialExecutor events;
  private final Object lock = new Object();
  // Guarded by lock.
  private final ArrayDeque<Outgoing> buffer = new ArrayDeque<>();
  private long bufferedBytes;
  private long lastNumber;
  private long acked;
  private HeldPoll held;
  private CloseReason closeReason;
  private boolean closeDelivered;
  private long closedAtNanos;
  private long lastContactNanos = System.nanoTime();
  private int pendingInbound;
  // Event thread only.
  private ConnectionSession session;
  private boolean sessionClosed;

  PollSession(String sessionId, String remoteAddress, LongPollServerOptions options, Executor worker,
      SessionRegistry registry) {
    this.id = "lp-" + IDS.incrementAndGet();
    this.sessionId = sessionId;
    this.remoteAddress = remoteAddress;
    this.options = options;
    this.registry = registry;
    this.events = new SerialExecutor(worker, id);
  }

  @Override
  public String id() {
    return id;
  }

  String sessionId() {
    return sessionId;
  }

  /** Opens the core's session; queued before anything else, so every frame is delivered after open() returned. */
  void start(ConnectionAcceptor acceptor, Principal principal) {
    events.execute(() -> openSession(acceptor, principal));
  }

  @Override
  public boolean send(String frame) {
    int bytes = utf8Length(frame);
    HeldPoll answer = null;
    PollBatch batch = null;
    boolean overflow;
    synchronized (lock) {
      if (closeReason != null) {
        return false;
      }
      int frames = buffer.size();
      // A single frame larger than the byte bound still goes out when nothing else waits, as on the WebSocket.
      overflow = frames > 0 && (frames >= options.bufferMaxFrames() || bufferedBytes + bytes > options.bufferMaxBytes());
      if (!overflow) {
        buffer.add(new Outgoing(++lastNumber, frame, bytes));
        bufferedBytes += bytes;
        if (held != null) {
          answer = takeHeld();
          batch = batchLocked();
        }
      }
    }
    if (overflow) {
      LOG.info("{}: buffer full ({} frames unacknowledged), closing slow consumer {}", id, options.bufferMaxFrames(),
          remoteAddress);
      close(CloseReason.SLOW_CONSUMER);
      return false;
    }
    if (answer != null) {
      answer.answer(batch);
    }
    return true;
  }

  @Override
  public void close(CloseReason reason) {
    HeldPoll answer = null;
    PollBatch batch = null;
    synchronized (lock) {
      if (closeReason != null) {
        return;
      }
      closeReason = reason;
      closedAtNanos = System.nanoTime();
      if (reason.code() == CloseReason.SLOW_CONSUMER.code()) {
        // The client resumes by sync token; the frames it fell behind on are not worth keeping.
        buffer.clear();
        bufferedBytes = 0;
      }
      if (held != null) {
        answer = takeHeld();
        batch = batchLocked();
        closeDelivered = true;
      }
    }
    LOG.debug("{}: closing with {}", id, reason);
    events.execute(this::notifyClosed);
    if (answer != null) {
      answer.answer(batch);
      registry.remove(this);
    }
  }

  // ---- requests, on Undertow's threads ----

  /** A poll acknowledging every frame up to {@code ack}: answered now when there is something to say, else held. */
  void poll(HttpServerExchange exchange, long ack) {
    HeldPoll previous = null;
    HeldPoll answerNow = null;
    PollBatch batch = null;
    boolean finished = false;
    long last;
    synchronized (lock) {
      last = lastNumber;
      if (ack >= 0 && ack <= last) {
        lastContactNanos = System.nanoTime();
        while (!buffer.isEmpty() && buffer.peekFirst().number() <= ack) {
          bufferedBytes -= buffer.pollFirst().bytes();
        }
        acked = Math.max(acked, ack);
        // One poll at a time: a newer poll means the client gave up on the older one.
        previous = held != null ? takeHeld() : null;
        HeldPoll current = new HeldPoll(this, exchange);
        if (closeReason != null || !buffer.isEmpty()) {
          answerNow = current;
          batch = batchLocked();
          if (closeReason != null) {
            closeDelivered = true;
            finished = true;
          }
        } else {
          held = current;
          current.arm(options.pollTimeout().toMillis());
        }
      }
    }
    if (ack < 0 || ack > last) {
      HttpAnswers.error(exchange, ErrorCode.BAD_FRAME, "ack must be 0.." + last + ": " + ack);
      return;
    }
    if (previous != null) {
      previous.answer(emptyBatch());
    }
    if (answerNow != null) {
      answerNow.answer(batch);
    }
    if (finished) {
      registry.remove(this);
    }
  }

  /**
   * Hands a request's frames to the core, in order, and answers 204 once the core has taken the last one, so that a
   * client waiting for each answer is held back by a slow core instead of filling memory here.
   */
  void upstream(HttpServerExchange exchange, List<String> frames) {
    synchronized (lock) {
      if (closeReason != null) {
        closedAnswer(exchange);
        return;
      }
      if (pendingInbound + frames.size() > options.maxPendingInboundFrames()) {
        HttpAnswers.error(exchange, ErrorCode.RATE_LIMITED, "too many frames waiting; wait for each answer");
        return;
      }
      pendingInbound += frames.size();
      lastContactNanos = System.nanoTime();
    }
    for (int i = 0; i < frames.size(); i++) {
      String frame = frames.get(i);
      boolean last = i == frames.size() - 1;
      events.execute(() -> {
        deliver(frame);
        if (last) {
          HttpAnswers.noContent(exchange);
        }
      });
    }
  }

  /** Answers a request on a closed session, which the client learns the reason of from its next poll. */
  static void closedAnswer(HttpServerExchange exchange) {
    HttpAnswers.error(exchange, ErrorCode.NOT_FOUND, "session closed");
  }

  /** Called by the registry's sweep: closes an abandoned session, and forgets a closed one nobody came back for. */
  void sweep(long nowNanos) {
    boolean expire;
    boolean forget;
    synchronized (lock) {
      expire = closeReason == null && held == null
          && nowNanos - lastContactNanos > options.idleTimeout().toNanos();
      forget = closeReason != null && (closeDelivered || nowNanos - closedAtNanos > options.closeTimeout().toNanos());
    }
    if (expire) {
      LOG.info("{}: no poll for {}, closing {}", id, options.idleTimeout(), remoteAddress);
      close(CloseReason.HEARTBEAT_TIMEOUT);
    } else if (forget) {
      registry.remove(this);
    }
  }

  // ---- held polls ----

  /** The held poll's timer fired (on its IO thread): answer it with whatever is there, normally nothing. */
  void onPollTimeout(HeldPoll poll) {
    PollBatch batch;
    synchronized (lock) {
      if (held != poll) {
        return;
      }
      held = null;
      lastContactNanos = System.nanoTime();
      batch = batchLocked();
      if (closeReason != null) {
        closeDelivered = true;
      }
    }
    poll.answer(batch);
  }

  private HeldPoll takeHeld() {
    HeldPoll taken = held;
    held = null;
    taken.disarm();
    lastContactNanos = System.nanoTime();
    return taken;
  }

  private PollBatch batchLocked() {
    if (buffer.isEmpty()) {
      return new PollBatch(acked, List.of(), closeReason);
    }
    List<String> frames = new ArrayList<>(buffer.size());
    for (Outgoing outgoing : buffer) {
      frames.add(outgoing.frame());
    }
    return new PollBatch(buffer.peekLast().number(), frames, closeReason);
  }

  private PollBatch emptyBatch() {
    synchronized (lock) {
      return new PollBatch(acked, List.of(), null);
    }
  }

  // ---- the core, on the event thread ----

  private void openSession(ConnectionAcceptor acceptor, Principal principal) {
    synchronized (lock) {
      if (closeReason != null) {
        // Closed before the core saw it: never open a session only to close it.
        return;
      }
    }
    try {
      ConnectionSession opened = acceptor.open(this, principal);
      if (opened == null) {
        throw new IllegalStateException("acceptor returned no session");
      }
      session = opened;
    } catch (ChatException e) {
      LOG.info("{}: core refused the session: {} {}", id, e.code().wireName(), e.getMessage());
      close(Refusals.forCode(e.code()));
    } catch (RuntimeException e) {
      LOG.error("{}: opening the session failed", id, e);
      close(Refusals.SERVER_ERROR);
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
      synchronized (lock) {
        pendingInbound--;
      }
    }
  }

  private void notifyClosed() {
    if (sessionClosed) {
      return;
    }
    sessionClosed = true;
    if (session != null) {
      CloseReason reason;
      synchronized (lock) {
        reason = closeReason;
      }
      try {
        session.onClose(reason);
      } catch (RuntimeException e) {
        LOG.error("{}: session failed on close", id, e);
      }
    }
  }

  static int utf8Length(String text) {
    int bytes = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x80) {
        bytes++;
      } else if (c < 0x800) {
        bytes += 2;
      } else if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
        bytes += 4;
        i++;
      } else {
        bytes += 3;
      }
    }
    return bytes;
  }

  @Override
  public String toString() {
    synchronized (lock) {
      return "PollSession[" + id + ", " + remoteAddress + ", " + buffer.size() + " buffered"
          + (closeReason == null ? (held != null ? ", polling]" : ", open]") : ", " + closeReason + "]");
    }
  }

  /** One buffered server frame and its number. */
  private record Outgoing(long number, String frame, int bytes) {}

  /** A poll being held open, with the timer that ends it empty. */
  static final class HeldPoll {

    private final PollSession owner;
    private final HttpServerExchange exchange;
    private XnioExecutor.Key timer;

    HeldPoll(PollSession owner, HttpServerExchange exchange) {
      this.owner = owner;
      this.exchange = exchange;
    }

    HttpServerExchange exchange() {
      return exchange;
    }

    // Under the owner's lock.
    void arm(long millis) {
      timer = exchange.getIoThread().executeAfter(() -> owner.onPollTimeout(this), millis, TimeUnit.MILLISECONDS);
    }

    // Under the owner's lock.
    void disarm() {
      if (timer != null) {
        timer.remove();
      }
    }

    void answer(PollBatch batch) {
      HttpAnswers.json(exchange, 200, batch.encode());
    }

    @Override
    public String toString() {
      return "HeldPoll[" + owner.id() + "]";
    }
  }
}
