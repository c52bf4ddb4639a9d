package io.senchat.transport.longpoll.server;

import io.senchat.domain.common.ChatException;
import io.senchat.domain.common.ErrorCode;
import io.senchat.domain.transport.BearerTokens;
import io.senchat.domain.transport.CloseReason;
import io.senchat.domain.transport.ConnectionAcceptor;
import io.senchat.domain.transport.Handshake;
import io.senchat.domain.transport.OriginPolicy;
import io.senchat.domain.transport.Principal;
import io.senchat.transport.longpoll.shared.LongPollUrls;
import io.senchat.transport.longpoll.shared.OpenAnswer;
import io.senchat.transport.longpoll.shared.UpstreamBatch;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.RequestTooBigException;
import io.undertow.util.HeaderValues;
import io.undertow.util.Headers;
import io.undertow.util.Methods;
import io.undertow.util.SameThreadExecutor;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Undertow handler of the long-poll endpoint: sessions opened by {@code POST {path}/open} (authenticated exactly
 * like a WebSocket upgrade), frames taken down by held {@code GET {path}/{sid}?ack=N}, sent up by
 * {@code POST {path}/{sid}}, and {@code DELETE {path}/{sid}} to close; each session is a
 * {@link io.senchat.domain.transport.Connection} handed to the {@link ConnectionAcceptor}.
 *
 * <p>No thread waits for a poll: a held exchange is parked in its session and answered by whichever thread has
 * frames for it, or by a timer on its IO thread. Only {@code open} is dispatched to a worker, because
 * {@link ConnectionAcceptor#authenticate} may hit a database; everything else touches memory only.
 *
 * <p>Every request passes the same {@code Origin} check as the WebSocket endpoint (403 and a JSON body); the session
 * id is then the credential (128 random bits, never in a cookie, so another site cannot use it). Mount it as a
 * prefix at {@link LongPollServerOptions#path()} and call {@link #shutdown()} before stopping Undertow.
 */
public final class LongPollEndpoint implements HttpHandler {

  private static final Logger LOG = LoggerFactory.getLogger(LongPollEndpoint.class);

  private final ConnectionAcceptor acceptor;
  private final LongPollServerOptions options;
  private final Executor worker;
  private final OriginPolicy originPolicy;
  private final SessionRegistry registry;
  private final HttpHandler open = this::open;
  private volatile boolean shuttingDown;

  /** An endpoint whose core callbacks (authenticate, open, onFrame, onClose) run on Undertow's worker pool. */
  public LongPollEndpoint(ConnectionAcceptor acceptor, LongPollServerOptions options) {
    this(acceptor, options, null, true);
  }

  /** An endpoint whose core callbacks run on {@code worker}, serially per session. */
  public LongPollEndpoint(ConnectionAcceptor acceptor, LongPollServerOptions options, Executor worker) {
    this(acceptor, options, worker, false);
  }

  private LongPollEndpoint(ConnectionAcceptor acceptor, LongPollServerOptions options, Executor worker,
      boolean workerMayBeNull) {
    if (acceptor == null || options == null || (worker == null && !workerMayBeNull)) {
      throw new IllegalArgumentException("acceptor, options and worker must not be null");
    }
    this.acceptor = acceptor;
    this.options = options;
    this.worker = worker;
    this.originPolicy = new OriginPolicy(options.allowedOrigins());
    this.registry = new SessionRegistry(options);
  }

  @Override
  public void handleRequest(HttpServerExchange exchange) throws Exception {
    String origin = header(exchange, Headers.ORIGIN_STRING);
    if (!originPolicy.allows(origin, header(exchange, Headers.HOST_STRING))) {
      LOG.debug("refused origin {} from {}", origin, exchange.getSourceAddress());
      HttpAnswers.error(exchange, ErrorCode.FORBIDDEN, "origin not allowed: " + origin);
      return;
    }
    HttpAnswers.allowOrigin(exchange, origin);
    String target = target(exchange);
    if (exchange.getRequestMethod().equals(Methods.OPTIONS)) {
      preflight(exchange);
    } else if (target.equals(LongPollUrls.OPEN)) {
      if (!exchange.getRequestMethod().equals(Methods.POST)) {
        HttpAnswers.error(exchange, ErrorCode.BAD_FRAME, "open a session with POST " + options.path() + "/open");
      } else if (shuttingDown) {
        HttpAnswers.error(exchange, ErrorCode.UNAVAILABLE, "server is shutting down");
      } else if (worker != null) {
        exchange.dispatch(worker, open);
      } else {
        exchange.dispatch(open);
      }
    } else if (!LongPollUrls.isSessionId(target)) {
      HttpAnswers.error(exchange, ErrorCode.NOT_FOUND, "expected " + options.path() + "/open or "
          + options.path() + "/{sessionId}");
    } else {
      PollSession session = registry.get(target);
      if (session == null) {
        HttpAnswers.error(exchange, ErrorCode.NOT_FOUND, "no such session (expired or closed)");
      } else if (exchange.getRequestMethod().equals(Methods.GET)) {
        poll(exchange, session);
      } else if (exchange.getRequestMethod().equals(Methods.POST)) {
        upstream(exchange, session);
      } else if (exchange.getRequestMethod().equals(Methods.DELETE)) {
        session.close(CloseReason.NORMAL);
        registry.remove(session);
        HttpAnswers.noContent(exchange);
      } else {
        HttpAnswers.error(exchange, ErrorCode.BAD_FRAME, "use GET, POST or DELETE on a session");
      }
    }
  }

  /**
   * Closes every session with {@link CloseReason#GOING_AWAY} (held polls hear it at once, others on their next
   * poll), refuses new ones, and waits up to {@link LongPollServerOptions#closeTimeout()} for clients to hear it.
   */
  public void shutdown() {
    shuttingDown = true;
    registry.closeAll(CloseReason.GOING_AWAY);
    try {
      if (!registry.awaitEmpty(options.closeTimeout())) {
        LOG.info("{} long-poll session(s) did not poll for their close within {}", registry.size(),
            options.closeTimeout());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      registry.stop();
    }
  }

  /** How many sessions are open (or closed but not yet heard by their client), for metrics and tests. */
  public int openSessions() {
    return registry.size();
  }

  /** The options this endpoint was built with. */
  public LongPollServerOptions options() {
    return options;
  }

  // ---- routes ----

  /** On a worker thread: authenticate like the WebSocket upgrade, then create the session and answer its id. */
  private void open(HttpServerExchange exchange) {
    String token = BearerTokens.fromAuthorization(header(exchange, Headers.AUTHORIZATION_STRING));
    if (token.isEmpty()) {
      Deque<String> query = exchange.getQueryParameters().get(BearerTokens.QUERY_PARAMETER);
      token = query == null || query.isEmpty() ? "" : query.getFirst();
    }
    Handshake handshake = new Handshake(token, header(exchange, Headers.ORIGIN_STRING), headersOf(exchange),
        remoteAddress(exchange));
    Principal principal;
    try {
      principal = acceptor.authenticate(handshake);
      if (principal == null) {
        throw new IllegalStateException("acceptor returned no principal");
      }
    } catch (ChatException e) {
      LOG.debug("refused a long-poll session from {}: {}", exchange.getSourceAddress(), e.code().wireName());
      HttpAnswers.error(exchange, e.code(), e.getMessage());
      return;
    } catch (RuntimeException e) {
      LOG.error("authentication failed for {}", exchange.getSourceAddress(), e);
      HttpAnswers.error(exchange, ErrorCode.INTERNAL, "authentication failed");
      return;
    }
    Executor executor = worker != null ? worker : exchange.getConnection().getWorker();
    PollSession session = new PollSession(registry.newSessionId(), remoteAddress(exchange), options, executor,
        registry);
    if (!registry.add(session)) {
      HttpAnswers.error(exchange, ErrorCode.UNAVAILABLE, shuttingDown ? "server is shutting down"
          : "too many long-poll sessions");
      return;
    }
    session.start(acceptor, principal);
    LOG.debug("{} opened for {}", session, principal);
    HttpAnswers.json(exchange, 200, new OpenAnswer(session.sessionId(), options.pollTimeout().toMillis(),
        options.maxFramesPerPost()).encode());
  }

  private void poll(HttpServerExchange exchange, PollSession session) {
    Deque<String> ackParameter = exchange.getQueryParameters().get(LongPollUrls.ACK);
    long ack;
    try {
      ack = ackParameter == null || ackParameter.isEmpty() ? 0 : Long.parseLong(ackParameter.getFirst());
    } catch (NumberFormatException e) {
      HttpAnswers.error(exchange, ErrorCode.BAD_FRAME, "ack must be an integer");
      return;
    }
    // Answered later, from whichever thread has frames or from the timer: never end it when this handler returns.
    exchange.dispatch(SameThreadExecutor.INSTANCE, () -> session.poll(exchange, ack));
  }

  private void upstream(HttpServerExchange exchange, PollSession session) {
    long length = exchange.getRequestContentLength();
    if (length > options.maxPostBytes()) {
      tooLarge(exchange, session, "request body of " + length + " bytes exceeds " + options.maxPostBytes());
      return;
    }
    exchange.setMaxEntitySize(options.maxPostBytes());
    exchange.getRequestReceiver().receiveFullString(
        (done, body) -> done.dispatch(SameThreadExecutor.INSTANCE, () -> onUpstreamBody(done, session, body)),
        (failed, error) -> onUpstreamError(failed, session, error),
        StandardCharsets.UTF_8);
  }

  private void onUpstreamBody(HttpServerExchange exchange, PollSession session, String body) {
    List<String> frames;
    try {
      // Characters bound bytes from below, so the byte cap per frame is checked exactly below.
      frames = UpstreamBatch.parse(body, options.maxPostBytes(), options.maxFramesPerPost(),
          options.maxInboundFrameBytes());
    } catch (ChatException e) {
      if (e.code() == ErrorCode.TOO_LARGE) {
        tooLarge(exchange, session, e.getMessage());
      } else {
        // The envelope is broken, not the session: the client learns why and may go on.
        HttpAnswers.error(exchange, e.code(), e.getMessage());
      }
      return;
    }
    for (String frame : frames) {
      if (PollSession.utf8Length(frame) > options.maxInboundFrameBytes()) {
        tooLarge(exchange, session, "a frame exceeds " + options.maxInboundFrameBytes() + " bytes");
        return;
      }
    }
    session.upstream(exchange, frames);
  }

  private void onUpstreamError(HttpServerExchange exchange, PollSession session, IOException error) {
    if (error instanceof RequestTooBigException) {
      tooLarge(exchange, session, "request body exceeds " + options.maxPostBytes() + " bytes");
    } else {
      LOG.debug("{}: reading an upstream request failed", session.id(), error);
      exchange.endExchange();
    }
  }

  /** Like a WebSocket message over the cap: the session ends with TOO_LARGE and the request gets 413. */
  private void tooLarge(HttpServerExchange exchange, PollSession session, String message) {
    LOG.info("{}: {}; closing", session.id(), message);
    session.close(CloseReason.TOO_LARGE);
    HttpAnswers.error(exchange, ErrorCode.TOO_LARGE, message);
  }

  private void preflight(HttpServerExchange exchange) {
    exchange.getResponseHeaders().put(HttpAnswers.ALLOW_METHODS, "GET, POST, DELETE");
    exchange.getResponseHeaders().put(HttpAnswers.ALLOW_HEADERS, "Authorization, Content-Type");
    exchange.getResponseHeaders().put(HttpAnswers.MAX_AGE, "600");
    HttpAnswers.noContent(exchange);
  }

  // ---- helpers ----

  /** What follows the mount path: {@code open}, a session id, or anything else (refused). */
  private String target(HttpServerExchange exchange) {
    String rest = exchange.getRelativePath();
    if (rest.equals(options.path()) || rest.startsWith(options.path() + "/")) {
      rest = rest.substring(options.path().length());
    }
    while (rest.startsWith("/")) {
      rest = rest.substring(1);
    }
    return rest;
  }

  private static String header(HttpServerExchange exchange, String name) {
    String value = exchange.getRequestHeaders().getFirst(name);
    return value == null ? "" : value;
  }

  private static Map<String, List<String>> headersOf(HttpServerExchange exchange) {
    Map<String, List<String>> headers = new HashMap<>();
    for (HeaderValues values : exchange.getRequestHeaders()) {
      String name = values.getHeaderName().toString().toLowerCase(Locale.ROOT);
      if (!name.equals("authorization")) {
        headers.put(name, List.copyOf(values));
      }
    }
    return headers;
  }

  private static String remoteAddress(HttpServerExchange exchange) {
    InetSocketAddress address = exchange.getSourceAddress();
    return address == null ? "" : address.getHostString();
  }

  @Override
  public String toString() {
    return "LongPollEndpoint[" + options.path() + ", " + originPolicy + ", " + registry + "]";
  }
}
