package io.senchat.transport.longpoll.server;

import io.senchat.domain.transport.CloseReason;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The endpoint's sessions by id, bounded, with one daemon thread that sweeps them: abandoned sessions are closed
 * and closed ones forgotten. The sweep is O(sessions) every quarter of the shortest timeout; no thread per session.
 */
final class SessionRegistry {

  private static final Logger LOG = LoggerFactory.getLogger(SessionRegistry.class);
  private static final AtomicInteger SWEEPERS = new AtomicInteger();

  private final Map<String, PollSession> sessions = new ConcurrentHashMap<>();
  private final SecureRandom random = new SecureRandom();
  private final int maxSessions;
  private final ScheduledExecutorService sweeper;
  private final Object drained = new Object();
  private volatile boolean closed;

  SessionRegistry(LongPollServerOptions options) {
    this.maxSessions = options.maxSessions();
    this.sweeper = Executors.newSingleThreadScheduledExecutor(task -> {
      Thread thread = new Thread(task, "senchat-longpoll-sweeper-" + SWEEPERS.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
    long periodMillis = Math.max(10,
        Math.min(options.idleTimeout().toMillis(), options.closeTimeout().toMillis()) / 4);
    sweeper.scheduleWithFixedDelay(this::sweep, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
  }

  /** A fresh, unguessable session id: 128 random bits, base64url. */
  String newSessionId() {
    byte[] bytes = new byte[16];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** Adds a session; false when full or shutting down (the caller refuses the client). */
  boolean add(PollSession session) {
    if (closed || sessions.size() >= maxSessions) {
      return false;
    }
    sessions.put(session.sessionId(), session);
    // Read after the put: either closeAll sees this session, or this sees closeAll's flag.
    if (closed) {
      sessions.remove(session.sessionId());
      return false;
    }
    return true;
  }

  PollSession get(String sessionId) {
    return sessions.get(sessionId);
  }

  void remove(PollSession session) {
    sessions.remove(session.sessionId(), session);
    synchronized (drained) {
      drained.notifyAll();
    }
  }

  int size() {
    return sessions.size();
  }

  void closeAll(CloseReason reason) {
    closed = true;
    for (PollSession session : sessions.values()) {
      session.close(reason);
    }
  }

  /** Waits until every closed session was heard by its client or forgotten; false when the timeout passed first. */
  boolean awaitEmpty(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (drained) {
      while (!sessions.isEmpty()) {
        long remainingMillis = (deadline - System.nanoTime()) / 1_000_000;
        if (remainingMillis <= 0) {
          return false;
        }
        drained.wait(remainingMillis);
      }
    }
    return true;
  }

  /** Stops the sweeper and forgets every session; after {@link #closeAll}. */
  void stop() {
    sweeper.shutdownNow();
    sessions.clear();
  }

  private void sweep() {
    long now = System.nanoTime();
    for (PollSession session : sessions.values()) {
      try {
        session.sweep(now);
      } catch (RuntimeException e) {
        LOG.error("sweeping {} failed", session, e);
      }
    }
  }

  @Override
  public String toString() {
    return "SessionRegistry[" + sessions.size() + " sessions" + (closed ? ", closed]" : "]");
  }
}
