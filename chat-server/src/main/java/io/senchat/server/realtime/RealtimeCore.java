package io.senchat.server.realtime;

import io.senchat.domain.common.ChatException;
import io.senchat.domain.common.ErrorCode;
import io.senchat.domain.protocol.ServerFrame.ErrorFrame;
import io.senchat.domain.transport.CloseReason;
import io.senchat.domain.transport.Connection;
import io.senchat.domain.transport.ConnectionAcceptor;
import io.senchat.domain.transport.ConnectionSession;
import io.senchat.domain.transport.Handshake;
import io.senchat.domain.transport.Principal;
import io.senchat.domain.user.SystemRole;
import io.senchat.domain.user.UserProfile;
import io.senchat.server.auth.Authenticator;
import io.senchat.server.fanout.LiveSession;
import io.senchat.server.fanout.Push;
import io.senchat.server.fanout.SessionRegistry;
import io.senchat.server.presence.PresenceService;
import io.senchat.server.sync.WriteBarrier;
import io.senchat.store.ChatStore;
import java.security.SecureRandom;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.inject.Inject;
import javax.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server core every transport hands its connections to: authenticates them, opens a {@link ClientSession} per
 * connection (registered for fan-out and presence, welcomed at once because the transport already authenticated
 * it), and ends them all at shutdown.
 */
@Singleton
final class RealtimeCore implements ConnectionAcceptor, Realtime, ClientSession.Lifecycle {

  private static final Logger LOG = LoggerFactory.getLogger(RealtimeCore.class);

  private final Authenticator authenticator;
  private final ChatStore store;
  private final Pipeline pipeline;
  private final SessionRegistry sessions;
  private final PresenceService presence;
  private final WriteBarrier barrier;
  private final SessionWelcome welcome;
  private final RealtimeOptions options;
  private final RealtimeMetrics metrics;
  private final ScheduledExecutorService timers;
  private final String sessionPrefix;
  private final AtomicLong sessionNumbers = new AtomicLong();
  private volatile boolean shuttingDown;

  @Inject
  RealtimeCore(Authenticator authenticator, ChatStore store, Pipeline pipeline, SessionRegistry sessions,
      PresenceService presence, WriteBarrier barrier, SessionWelcome welcome, RealtimeOptions options,
      RealtimeMetrics metrics) {
    this.authenticator = authenticator;
    this.store = store;
    this.pipeline = pipeline;
    this.sessions = sessions;
    this.presence = presence;
    this.barrier = barrier;
    this.welcome = welcome;
    this.options = options;
    this.metrics = metrics;
    this.timers = Executors.newSingleThreadScheduledExecutor(task -> {
      Thread thread = new Thread(task, "senchat-realtime-timers");
      thread.setDaemon(true);
      return thread;
    });
    // Session ids only need to be unique enough to find a session in logs across restarts of a node.
    this.sessionPrefix = "s" + Long.toString(new SecureRandom().nextInt(Integer.MAX_VALUE), 36) + "-";
  }

  @Override
  public Principal authenticate(Handshake handshake) {
    if (shuttingDown) {
      throw new ChatException(ErrorCode.UNAVAILABLE, "server is shutting down");
    }
    return authenticator.authenticate(handshake);
  }

  @Override
  public ConnectionSession open(Connection connection, Principal principal) {
    if (shuttingDown) {
      throw new ChatException(ErrorCode.UNAVAILABLE, "server is shutting down");
    }
    SystemRole role = store.users().find(principal.userId()).map(UserProfile::role)
        .orElseThrow(() -> new ChatException(ErrorCode.UNAUTHENTICATED, "no user " + principal.userId().value()));
    ClientSession session = new ClientSession(connection, principal, role,
        sessionPrefix + Long.toString(sessionNumbers.incrementAndGet(), 36),
        new SessionOutput(connection, metrics, options.heldFramesMax()), pipeline, this,
        new TokenBucket(options.inboundFramesPerSecond(), options.inboundBurst()));
    // Registered before anything is read from the feed, so every later commit reaches it live or by replay.
    sessions.add(session);
    presence.connected(principal.userId());
    try {
      ScheduledFuture<?> grace = timers.schedule(session::firstFrameGraceOver, options.firstFrameGraceMillis(),
          TimeUnit.MILLISECONDS);
      session.registered(barrier.passed(), grace);
      session.output().reply(null, welcome.of(session));
    } catch (RuntimeException e) {
      // No onClose will come for a session the transport never got: end it here.
      session.onClose(CloseReason.ABNORMAL);
      throw e;
    }
    if (shuttingDown) {
      // Raced with shutdown(), which may have missed it.
      session.close(CloseReason.GOING_AWAY);
    }
    LOG.debug("{} opened", session);
    return session;
  }

  @Override
  public void closed(ClientSession session, CloseReason reason) {
    sessions.remove(session);
    presence.unwatch(session);
    presence.disconnected(session.userId());
    if (reason != null && reason.code() == CloseReason.SLOW_CONSUMER.code()) {
      metrics.slowConsumerClosed();
    }
    LOG.debug("{} closed: {}", session, reason);
  }

  @Override
  public void shutdown() {
    if (shuttingDown) {
      return;
    }
    shuttingDown = true;
    Push goingAway = Push.of(ErrorFrame.of(ErrorCode.UNAVAILABLE, "server is shutting down; reconnect and resume"));
    int count = 0;
    for (LiveSession session : sessions.all()) {
      session.push(goingAway);
      session.close(CloseReason.GOING_AWAY);
      count++;
    }
    timers.shutdownNow();
    LOG.info("Real-time core shut down; closed {} session(s) with {}", count, CloseReason.GOING_AWAY);
  }

  @Override
  public int sessionCount() {
    return sessions.size();
  }

  @Override
  public String toString() {
    return "RealtimeCore[" + sessions + (shuttingDown ? ", shut down]" : "]");
  }
}
