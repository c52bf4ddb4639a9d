package io.senchat.transport.ws.server;

import io.senchat.domain.common.ChatException;
import io.senchat.domain.common.ErrorCode;
import io.senchat.domain.transport.CloseReason;
import io.senchat.domain.transport.ConnectionAcceptor;
import io.senchat.domain.transport.Handshake;
import io.senchat.domain.transport.OriginPolicy;
import io.senchat.domain.transport.Principal;
import io.senchat.transport.ws.shared.WsSubprotocols;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.AttachmentKey;
import io.undertow.util.HeaderValues;
import io.undertow.util.Headers;
import io.undertow.websockets.WebSocketProtocolHandshakeHandler;
import io.undertow.websockets.core.protocol.version13.Hybi13Handshake;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Undertow handler of the WebSocket upgrade endpoint: checks Origin and authenticates before upgrading, then
 * carries frames between each socket and the {@link ConnectionAcceptor} without parsing them.
 *
 * <p>Per request: a disallowed {@code Origin} gets 403 and a JSON body; the token is taken from
 * {@code Authorization: Bearer}, else from a {@code bearer.<token>} subprotocol (percent-encoded, see
 * {@link WsSubprotocols#encodeToken}), else from {@code ?access_token=}; {@link ConnectionAcceptor#authenticate}
 * runs on a worker thread and a {@link ChatException} becomes {@code ErrorCode.httpStatus()} with
 * {@code {"code":…,"message":…}}; only then is the connection upgraded, with subprotocol {@code senchat.v1}. The
 * {@link Handshake} given to the acceptor leaves out {@code Authorization} and {@code Sec-WebSocket-Protocol}, so
 * that logging its headers never leaks the token.
 *
 * <p>Mount it at {@link WebSocketServerOptions#path()} and call {@link #shutdown()} before stopping Undertow, so
 * that clients hear {@link CloseReason#GOING_AWAY} instead of a dropped socket.
 */
public final class WebSocketEndpoint implements HttpHandler {

  private static final Logger LOG = LoggerFactory.getLogger(WebSocketEndpoint.class);

  static final AttachmentKey<Admission> ADMISSION = AttachmentKey.create(Admission.class);

  private final ConnectionAcceptor acceptor;
  private final WebSocketServerOptions options;
  private final Executor worker;
  private final OriginPolicy originPolicy;
  private final ConnectionRegistry registry = new ConnectionRegistry();
  private final HttpHandler upgrade;
  private volatile boolean shuttingDown;

  /** An endpoint whose core callbacks (authenticate, open, onFrame, onClose) run on Undertow's worker pool. */
  public WebSocketEndpoint(ConnectionAcceptor acceptor, WebSocketServerOptions options) {
    this(acceptor, options, null, true);
  }

  /** An endpoint whose core callbacks run on {@code worker}, serially per connection. */
  public WebSocketEndpoint(ConnectionAcceptor acceptor, WebSocketServerOptions options, Executor worker) {
    this(acceptor, options, worker, false);
  }

  private WebSocketEndpoint(ConnectionAcceptor acceptor, WebSocketServerOptions options, Executor worker,
      boolean workerMayBeNull) {
    if (acceptor == null || options == null || (worker == null && !workerMayBeNull)) {
      throw new IllegalArgumentException("acceptor, options and worker must not be null");
    }
    this.acceptor = acceptor;
    this.options = options;
    this.worker = worker;
    this.originPolicy = new OriginPolicy(options.allowedOrigins());
    this.upgrade = new WebSocketProtocolHandshakeHandler(
        List.of(new Hybi13Handshake(Set.of(WsSubprotocols.PROTOCOL), false)),
        new UpgradeCallback(acceptor, options, worker, registry),
        new NotAnUpgradeHandler());
  }

  @Override
  public void handleRequest(HttpServerExchange exchange) throws Exception {
    if (shuttingDown) {
      JsonErrors.send(exchange, ErrorCode.UNAVAILABLE, "server is shutting down");
      return;
    }
    if (exchange.isInIoThread()) {
      // authenticate() may hit a database: never on the IO thread.
      if (worker != null) {
        exchange.dispatch(worker, this);
      } else {
        exchange.dispatch(this);
      }
      return;
    }
    String origin = header(exchange, Headers.ORIGIN_STRING);
    if (!originPolicy.allows(origin, header(exchange, Headers.HOST_STRING))) {
      LOG.debug("refused origin {} from {}", origin, exchange.getSourceAddress());
      JsonErrors.send(exchange, ErrorCode.FORBIDDEN, "origin not allowed: " + origin);
      return;
    }
    BearerToken token = BearerToken.from(exchange);
    Handshake handshake = new Handshake(token.value(), origin, headersOf(exchange), remoteAddress(exchange));
    Principal principal;
    try {
      principal = acceptor.authenticate(handshake);
      if (principal == null) {
        throw new IllegalStateException("acceptor returned no principal");
      }
    } catch (ChatException e) {
      LOG.debug("refused {} from {}: {}", token, exchange.getSourceAddress(), e.code().wireName());
      if (options.refuseBrowsersWithCloseFrame() && token.source() == BearerToken.Source.SUBPROTOCOL) {
        // Browsers hide the status of a failed upgrade; a close code is the only answer they can read.
        exchange.putAttachment(ADMISSION, Admission.refused(CloseReasons.forRefusal(e.code())));
        upgrade.handleRequest(exchange);
      } else {
        JsonErrors.send(exchange, e.code(), e.getMessage());
      }
      return;
    } catch (RuntimeException e) {
      LOG.error("authentication failed for {}", exchange.getSourceAddress(), e);
      JsonErrors.send(exchange, ErrorCode.INTERNAL, "authentication failed");
      return;
    }
    exchange.putAttachment(ADMISSION, Admission.accepted(principal));
    upgrade.handleRequest(exchange);
  }

  /**
   * Refuses new connections, closes every open one with {@link CloseReason#GOING_AWAY} and waits up to
   * {@link WebSocketServerOptions#closeTimeout()} for their sockets to close.
   */
  public void shutdown() {
    shuttingDown = true;
    registry.closeAll(CloseReason.GOING_AWAY);
    try {
      if (!registry.awaitEmpty(options.closeTimeout())) {
        LOG.warn("{} connection(s) still open after {}", registry.size(), options.closeTimeout());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** How many upgraded connections are open now, for metrics and tests. */
  public int openConnections() {
    return registry.size();
  }

  /** The options this endpoint was built with. */
  public WebSocketServerOptions options() {
    return options;
  }

  private static String header(HttpServerExchange exchange, String name) {
    String value = exchange.getRequestHeaders().getFirst(name);
    return value == null ? "" : value;
  }

  private static Map<String, List<String>> headersOf(HttpServerExchange exchange) {
    Map<String, List<String>> headers = new HashMap<>();
    for (HeaderValues values : exchange.getRequestHeaders()) {
      String name = values.getHeaderName().toString().toLowerCase(Locale.ROOT);
      if (!name.equals("authorization") && !name.equals("sec-websocket-protocol")) {
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
    return "WebSocketEndpoint[" + options.path() + ", " + originPolicy + ", " + registry + "]";
  }
}
