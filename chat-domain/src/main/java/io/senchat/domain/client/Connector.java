package io.senchat.domain.client;

import io.senchat.domain.common.Clock;
import io.senchat.domain.common.ErrorCode;
import io.senchat.domain.common.RandomSource;
import io.senchat.domain.protocol.ClientFrame;
import io.senchat.domain.protocol.FrameException;
import io.senchat.domain.protocol.Outbound;
import io.senchat.domain.protocol.ProtocolCodec;
import io.senchat.domain.protocol.ServerFrame;
import io.senchat.domain.protocol.ServerFrame.ErrorFrame;
import io.senchat.domain.protocol.ServerFrame.Welcome;
import io.senchat.domain.protocol.SyncToken;
import io.senchat.domain.retry.Backoff;
import io.senchat.domain.retry.BackoffState;
import io.senchat.domain.rules.Limits;
import io.senchat.domain.transport.ClientTransport;
import io.senchat.domain.transport.ClientTransportFactory;
import io.senchat.domain.transport.CloseReason;

/**
 * The connection lifecycle: connect, {@code hello}, {@code welcome}, heartbeats, request timeouts, reconnecting with
 * jittered backoff, refreshing a refused token once, and giving up when retrying cannot help. It routes replies to the
 * requests that await them and hands everything else to the {@link Session}.
 */
final class Connector implements Link.Events, UpgradeProbe.Outcome {

  /** The session layer above the connection. */
  interface Session {
    /** The position to send in {@code hello}, or {@code null}. */
    SyncToken resumeToken();

    /** The connection is up; {@code replayFollows} when the server will send a {@code sync.batch} by itself. */
    void onWelcome(Welcome welcome, boolean replayFollows);

    /** A frame that answers no pending request: events, checkpoints, errors without id. */
    void onUnsolicited(ServerFrame frame);

    /** The connection is gone; pending requests have already been told. */
    void onLinkLost();
  }

  static final CloseReason REQUEST_TIMEOUT = new CloseReason(CloseReason.HEARTBEAT_TIMEOUT.code(),
      "request timed out");
  static final CloseReason HANDSHAKE_TIMEOUT = new CloseReason(CloseReason.HEARTBEAT_TIMEOUT.code(),
      "no welcome in time");
  static final CloseReason SEND_FAILED = new CloseReason(CloseReason.ABNORMAL.code(), "transport refused a frame");
  static final CloseReason RESTART = new CloseReason(CloseReason.NORMAL.code(), "restarting as a fresh client");
  static final CloseReason UNEXPECTED_REPLY = new CloseReason(CloseReason.PROTOCOL_ERROR.code(), "unexpected reply");
  static final CloseReason SWITCHING = new CloseReason(CloseReason.NORMAL.code(), "switching to a probed transport");
  /** After a successful probe, the longest wait for pending replies before switching anyway (they are re-sent). */
  static final long SWITCH_GRACE_MILLIS = 2_000;

  private final ClientOptions options;
  private final TransportPolicy transports;
  private final AccessTokenSource tokens;
  private final Scheduler scheduler;
  private final Clock clock;
  private final ChatClientListener listener;
  private final RequestIds ids;
  private final Backoff backoff;
  private final Session session;
  private final RandomSource random;

  private ConnectionStatus status = ConnectionStatus.INITIAL;
  private CloseReason lastClose;
  private BackoffState failures = BackoffState.INITIAL;
  private boolean refreshUsed;
  // Bumped by start() and stop(): timers and callbacks of an earlier generation do nothing.
  private int generation;
  private Link link;
  private Cancellable retryTimer;
  private UpgradeProbe probe;
  private Cancellable probeTimer;
  // A probe succeeded: new sends wait, and the link is switched once its replies are in (or the grace ends).
  private boolean switchPending;
  private Cancellable switchTimer;

  Connector(ClientOptions options, TransportPolicy transports, AccessTokenSource tokens, ClientRuntime runtime,
      ChatClientListener listener, RequestIds ids, Session session) {
    this.options = options;
    this.transports = transports;
    this.tokens = tokens;
    this.scheduler = runtime.scheduler();
    this.clock = runtime.clock();
    this.listener = listener;
    this.ids = ids;
    this.backoff = new Backoff(options.backoffBaseMillis(), options.backoffCapMillis(),
        Limits.RECONNECT_FAST_ATTEMPTS, runtime.random());
    this.session = session;
    this.random = runtime.random();
  }

  ConnectionStatus status() {
    return status;
  }

  boolean isOnline() {
    return link != null && link.welcomed;
  }

  /** True while the connection is about to be switched to a probed transport: new sends should wait for it. */
  boolean switching() {
    return switchPending;
  }

  void start() {
    ConnectionState state = status.state();
    if (state != ConnectionState.OFFLINE && state != ConnectionState.FAILED) {
      return;
    }
    generation++;
    failures = BackoffState.INITIAL;
    refreshUsed = false;
    connectNow();
  }

  void stop() {
    generation++;
    cancelRetry();
    if (link != null) {
      endLink(link, CloseReason.NORMAL, true);
    }
    setStatus(ConnectionState.OFFLINE, 0, "");
  }

  /** The network came back: retry now instead of waiting out the backoff, or check a connection that may be stale. */
  void networkOnline() {
    ConnectionState state = status.state();
    if (state == ConnectionState.RECONNECTING) {
      // Failures on the old network say nothing about the new one: the next ones start again from the base delay.
      failures = BackoffState.INITIAL;
      connectNow();
    } else if (state == ConnectionState.CONNECTING && link != null && !link.welcomed) {
      // An attempt started while offline may hang until its handshake timeout: start a fresh one on the new network.
      failures = BackoffState.INITIAL;
      if (endLink(link, CloseReason.ABNORMAL, true)) {
        connectNow();
      }
    } else if (isOnline() && !link.liveness.probing()) {
      // After a network switch the old socket is often dead without a close event: find out now.
      Link current = link;
      ping(current, false);
      if (current == link) {
        armWatchdog(current);
      }
    }
  }

  /**
   * Sends a command with a fresh request id and registers {@code reply} for its answer. Returns the id, or
   * {@code null} when not online or the transport refused the frame (then {@code reply} is never called).
   *
   * @throws RuntimeException from encoding (a frame too large, say), before anything is sent
   */
  String request(ClientFrame frame, Reply reply) {
    Link current = link;
    if (current == null || !current.welcomed) {
      return null;
    }
    String id = ids.next();
    String text = ProtocolCodec.encodeClient(id, frame);
    if (!transmit(current, text)) {
      return null;
    }
    long deadline = clock.nowMillis() + options.requestTimeoutMillis();
    current.requests.add(id, deadline, reply);
    if (deadline < current.watchdogDueAt) {
      armWatchdog(current);
    }
    return id;
  }

  /** Sends a frame without request id (typing); returns false when not online. */
  boolean sendWithoutReply(ClientFrame frame) {
    Link current = link;
    return current != null && current.welcomed && transmit(current, ProtocolCodec.encodeClient(null, frame));
  }

  /**
   * Registers a reply the server sends without being asked (the batch after {@code welcome}), under a key that is
   * never sent, so that it has a deadline and learns about a lost connection. Returns the key, or {@code null}.
   */
  String expect(Reply reply) {
    Link current = link;
    if (current == null || !current.welcomed) {
      return null;
    }
    String key = ids.next();
    long deadline = clock.nowMillis() + options.requestTimeoutMillis();
    current.requests.add(key, deadline, reply);
    if (deadline < current.watchdogDueAt) {
      armWatchdog(current);
    }
    return key;
  }

  /** The expected reply arrived by other means. */
  void settle(String key) {
    if (link != null) {
      link.requests.take(key);
    }
  }

  /** Drops the connection and reconnects with backoff (a retryable failure of the session layer). */
  void reconnect(CloseReason reason) {
    if (link != null) {
      dropAndReconnect(link, reason);
    }
  }

  /** Drops the connection and connects again at once without a position: the server could not resume ours. */
  void restartFresh() {
    if (link != null && endLink(link, RESTART, true)) {
      connectNow();
    }
  }

  // ---- transport events (Link.Events) ----

  @Override
  public void opened(Link opened) {
    if (opened != link) {
      return;
    }
    SyncToken position = session.resumeToken();
    String id = ids.next();
    String text;
    try {
      text = ProtocolCodec.encodeClient(id,
          new ClientFrame.Hello(opened.accessToken, position, options.deviceId(), options.clientVersion()));
    } catch (RuntimeException malformedToken) {
      // A token that is not even well-formed is as good as refused.
      if (endLink(opened, CloseReason.UNAUTHENTICATED, true)) {
        refreshOrGiveUp();
      }
      return;
    }
    opened.helloId = id;
    opened.helloToken = position;
    transmit(opened, text);
  }

  @Override
  public void frame(Link from, String text) {
    if (from != link) {
      return;
    }
    from.liveness.received(clock.nowMillis());
    Outbound outbound;
    try {
      outbound = ProtocolCodec.decodeServer(text);
    } catch (FrameException e) {
      // Newer servers may add frame types: skip them silently. Anything else is a server bug worth reporting; a reply
      // that could not be read stays pending, so its timeout recovers through a reconnect.
      if (e.code() != ErrorCode.UNKNOWN_TYPE) {
        listener.onServerError(ErrorFrame.of(e));
      }
      return;
    }
    ServerFrame frame = outbound.frame();
    String id = outbound.requestId();
    if (frame instanceof Welcome welcome) {
      welcomed(from, welcome, id);
      return;
    }
    if (!from.welcomed) {
      if (frame instanceof ErrorFrame error) {
        helloRefused(from, error);
      }
      return;
    }
    if (frame instanceof ErrorFrame error && !noteError(from, error, id)) {
      return;
    }
    Reply reply = id == null ? null : from.requests.take(id);
    if (reply == null) {
      session.onUnsolicited(frame);
    } else if (frame instanceof ErrorFrame error) {
      reply.onError(error);
    } else {
      reply.onReply(frame);
    }
    if (switchPending && from == link && from.requests.size() == 0) {
      switchTransport();
    }
  }

  @Override
  public void closed(Link closed, CloseReason reason) {
    if (closed != link) {
      return;
    }
    boolean authRefused = closed.authRefused || reason.code() == CloseReason.UNAUTHENTICATED.code();
    boolean retry = reason.shouldReconnect() || closed.retryAdvised;
    if (!endLink(closed, reason, false)) {
      return;
    }
    if (authRefused) {
      refreshOrGiveUp();
    } else if (reason.code() == CloseReason.FORBIDDEN_ORIGIN.code()) {
      giveUp(ErrorCode.FORBIDDEN.wireName());
    } else if (retry) {
      scheduleReconnect();
    } else {
      setStatus(ConnectionState.OFFLINE, 0, "");
    }
  }

  // ---- lifecycle ----

  private void connectNow() {
    cancelRetry();
    ClientTransportFactory factory = transports.next();
    String token = tokens.currentToken();
    ClientTransport transport;
    try {
      transport = factory.create(options.baseUrl(), token == null ? "" : token);
    } catch (RuntimeException e) {
      lastClose = CloseReason.ABNORMAL;
      scheduleReconnect();
      return;
    }
    long now = clock.nowMillis();
    long handshakeMillis = Math.max(1, transports.handshakeTimeoutMillis(factory, options.handshakeTimeoutMillis()));
    Link created = new Link(this, factory, transport, token == null ? "" : token,
        new Liveness(now, handshakeMillis, options.pongTimeoutMillis()));
    created.handshakeDeadline = now + handshakeMillis;
    link = created;
    int current = generation;
    setStatus(ConnectionState.CONNECTING, 0, "");
    if (current != generation || link != created) {
      return;
    }
    armWatchdog(created);
    try {
      transport.connect(created);
    } catch (RuntimeException e) {
      if (link == created) {
        dropAndReconnect(created, CloseReason.ABNORMAL);
      }
    }
  }

  private void welcomed(Link from, Welcome welcome, String id) {
    if (from.welcomed) {
      // A transport that authenticated the connection gets an unprompted welcome, and may answer hello with another.
      return;
    }
    from.welcomed = true;
    from.liveness.heartbeat(welcome.heartbeatMillis());
    failures = failures.reset();
    refreshUsed = false;
    transports.onWelcomed(from.factory);
    boolean replayFollows = id != null && id.equals(from.helloId) && from.helloToken != null;
    int current = generation;
    setStatus(ConnectionState.ONLINE, 0, "");
    if (current != generation || link != from) {
      return;
    }
    session.onWelcome(welcome, replayFollows);
    if (link == from) {
      armWatchdog(from);
      scheduleProbe(from);
    }
  }

  private void helloRefused(Link from, ErrorFrame error) {
    ErrorCode code = error.errorCode();
    boolean auth = code == ErrorCode.UNAUTHENTICATED || code == ErrorCode.TOKEN_EXPIRED;
    CloseReason reason = auth ? CloseReason.UNAUTHENTICATED
        : new CloseReason(CloseReason.NORMAL.code(), "hello refused: " + error.code());
    if (!endLink(from, reason, true)) {
      return;
    }
    if (auth) {
      refreshOrGiveUp();
    } else if (error.retryable()) {
      scheduleReconnect();
    } else {
      giveUp(error.code());
    }
  }

  /** Notes what an error says about the connection; returns false when it ended the connection. */
  private boolean noteError(Link from, ErrorFrame error, String id) {
    ErrorCode code = error.errorCode();
    if (code == ErrorCode.UNSUPPORTED_VERSION) {
      if (endLink(from, new CloseReason(CloseReason.NORMAL.code(), "unsupported version"), true)) {
        giveUp(error.code());
      }
      return false;
    }
    if (code == ErrorCode.UNAUTHENTICATED || code == ErrorCode.TOKEN_EXPIRED) {
      from.authRefused = true;
    } else if (id == null && error.retryable()) {
      from.retryAdvised = true;
    }
    return true;
  }

  private void refreshOrGiveUp() {
    if (refreshUsed) {
      giveUp(ErrorCode.UNAUTHENTICATED.wireName());
      return;
    }
    refreshUsed = true;
    int current = generation;
    boolean[] answered = {false};
    setStatus(ConnectionState.CONNECTING, 0, "");
    if (current != generation) {
      return;
    }
    tokens.refresh(refreshed -> {
      if (answered[0] || current != generation || link != null) {
        return;
      }
      answered[0] = true;
      if (refreshed) {
        connectNow();
      } else {
        giveUp(ErrorCode.UNAUTHENTICATED.wireName());
      }
    });
  }

  private void scheduleReconnect() {
    failures = failures.failed();
    long delay = failures.nextDelayMillis(backoff);
    int current = generation;
    retryTimer = scheduler.schedule(delay, () -> {
      if (current == generation && status.state() == ConnectionState.RECONNECTING) {
        retryTimer = null;
        connectNow();
      }
    });
    setStatus(ConnectionState.RECONNECTING, delay, "");
  }

  private void giveUp(String code) {
    cancelRetry();
    setStatus(ConnectionState.FAILED, 0, code);
  }

  private void dropAndReconnect(Link dead, CloseReason reason) {
    if (endLink(dead, reason, true)) {
      scheduleReconnect();
    }
  }

  /**
   * Detaches the link, closes its transport when we end it, and tells pending requests and the session. Returns false
   * when a callback meanwhile restarted or stopped the client, so the caller must not act further.
   */
  private boolean endLink(Link ended, CloseReason reason, boolean closeTransport) {
    int current = generation;
    link = null;
    ended.detached = true;
    cancel(ended.watchdog);
    ended.watchdog = null;
    cancelUpgrade();
    lastClose = reason;
    if (closeTransport) {
      try {
        ended.transport.close();
      } catch (RuntimeException ignored) {
        // The connection is abandoned either way.
      }
    }
    transports.onClosed(ended.factory, reason, ended.welcomed);
    for (Reply reply : ended.requests.drain()) {
      reply.onLost();
    }
    session.onLinkLost();
    return current == generation && link == null;
  }

  // ---- upgrading to a preferred transport ----

  private void scheduleProbe(Link from) {
    TransportPolicy.Probe wanted = transports.probe(from.factory);
    if (wanted == null || probe != null || probeTimer != null) {
      return;
    }
    // Jittered, so that a crowd of clients that fell back together does not probe in waves.
    long delay = wanted.delayMillis() / 2 + (long) (random.nextDouble() * (wanted.delayMillis() / 2 + 1));
    probeTimer = scheduler.schedule(delay, () -> {
      probeTimer = null;
      if (from != link) {
        return;
      }
      String token = tokens.currentToken();
      probe = new UpgradeProbe(wanted.factory(), token == null ? "" : token, options.deviceId(),
          options.clientVersion(), this);
      probe.start(options.baseUrl(), scheduler,
          Math.max(1, transports.handshakeTimeoutMillis(wanted.factory(), options.handshakeTimeoutMillis())));
    });
  }

  @Override
  public void probed(UpgradeProbe finished, boolean reachedWelcome) {
    if (finished != probe) {
      return;
    }
    probe = null;
    transports.onProbed(finished.factory, reachedWelcome);
    Link current = link;
    if (current == null || !current.welcomed) {
      return;
    }
    if (!reachedWelcome) {
      scheduleProbe(current);
      return;
    }
    switchPending = true;
    if (current.requests.size() == 0) {
      switchTransport();
      return;
    }
    switchTimer = scheduler.schedule(SWITCH_GRACE_MILLIS, () -> {
      switchTimer = null;
      if (switchPending && link == current) {
        switchTransport();
      }
    });
  }

  /** Ends the current link and connects at once with what the policy now prefers, resuming by sync token. */
  private void switchTransport() {
    Link current = link;
    if (current != null && endLink(current, SWITCHING, true)) {
      failures = BackoffState.INITIAL;
      connectNow();
    }
  }

  private void cancelUpgrade() {
    cancel(probeTimer);
    probeTimer = null;
    cancel(switchTimer);
    switchTimer = null;
    switchPending = false;
    if (probe != null) {
      UpgradeProbe abandoned = probe;
      probe = null;
      abandoned.cancel();
    }
  }

  // ---- heartbeats and timeouts ----

  private void armWatchdog(Link watched) {
    cancel(watched.watchdog);
    long now = clock.nowMillis();
    long due = watched.welcomed
        ? Math.min(watched.liveness.nextCheckAt(), watched.requests.earliestDeadline())
        : watched.handshakeDeadline;
    long delay = Math.max(0, due - now);
    long expectedAt = now + delay;
    watched.watchdogDueAt = expectedAt;
    watched.watchdog = scheduler.schedule(delay, () -> watchdogFired(watched, expectedAt));
  }

  private void watchdogFired(Link watched, long expectedAt) {
    if (watched != link || watched.watchdogDueAt != expectedAt) {
      return;
    }
    watched.watchdog = null;
    long now = clock.nowMillis();
    boolean late = now - expectedAt > options.lateTimerToleranceMillis();
    if (!watched.welcomed) {
      if (now >= watched.handshakeDeadline) {
        if (late && !watched.handshakeGraced) {
          watched.handshakeGraced = true;
          watched.handshakeDeadline = now + options.pongTimeoutMillis();
        } else {
          dropAndReconnect(watched, HANDSHAKE_TIMEOUT);
          return;
        }
      }
      armWatchdog(watched);
      return;
    }
    boolean overdue = watched.requests.earliestDeadline() <= now;
    switch (watched.liveness.check(now, late, overdue)) {
      case DEAD:
        dropAndReconnect(watched, !late && overdue ? REQUEST_TIMEOUT : CloseReason.HEARTBEAT_TIMEOUT);
        return;
      case PING:
        ping(watched, false);
        break;
      case REPROBE:
        watched.requests.extendOverdue(now, now + options.pongTimeoutMillis());
        ping(watched, true);
        break;
      default:
        break;
    }
    if (watched == link) {
      armWatchdog(watched);
    }
  }

  private void ping(Link target, boolean afterLateTimer) {
    if (transmit(target, ProtocolCodec.encodeClient(ids.next(), new ClientFrame.Ping()))) {
      target.liveness.probed(clock.nowMillis(), afterLateTimer);
    }
  }

  private boolean transmit(Link target, String text) {
    boolean sent;
    try {
      sent = target.transport.send(text);
    } catch (RuntimeException e) {
      sent = false;
    }
    if (sent) {
      target.liveness.sent(clock.nowMillis());
      return true;
    }
    if (target == link) {
      dropAndReconnect(target, SEND_FAILED);
    }
    return false;
  }

  // ---- helpers ----

  private void setStatus(ConnectionState state, long retryInMillis, String failureCode) {
    ConnectionStatus next = new ConnectionStatus(state, retryInMillis, lastClose, failureCode);
    if (!next.equals(status)) {
      status = next;
      listener.onStatus(next);
    }
  }

  private void cancelRetry() {
    cancel(retryTimer);
    retryTimer = null;
  }

  private static void cancel(Cancellable timer) {
    if (timer != null) {
      timer.cancel();
    }
  }
}
