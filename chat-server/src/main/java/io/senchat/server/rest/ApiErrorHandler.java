package io.senchat.server.rest;

import io.senchat.domain.common.ChatException;
import io.senchat.domain.common.ErrorCode;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import org.slf4j.Logger;
import org.xnio.IoUtils;
import org.slf4j.LoggerFactory;

/**
 * Runs the API on a worker thread in blocking mode (bodies are read with plain streams; the store blocks) and turns
 * failures into the JSON error body: a {@link ChatException} answers with its code, anything else is a bug and
 * answers {@code internal} without details.
 */
final class ApiErrorHandler implements HttpHandler {

  private static final Logger LOG = LoggerFactory.getLogger(ApiErrorHandler.class);

  private final HttpHandler next;

  ApiErrorHandler(HttpHandler next) {
    this.next = next;
  }

  @Override
  public void handleRequest(HttpServerExchange exchange) {
    if (exchange.isInIoThread()) {
      exchange.dispatch(this);
      return;
    }
    exchange.startBlocking();
    try {
      next.handleRequest(exchange);
    } catch (ChatException e) {
      if (e.code() == ErrorCode.INTERNAL) {
        LOG.error("{} {} failed", exchange.getRequestMethod(), exchange.getRequestPath(), e);
      } else if (e.code() == ErrorCode.UNAVAILABLE) {
        LOG.warn("{} {}: {}", exchange.getRequestMethod(), exchange.getRequestPath(), e.getMessage());
      }
      respond(exchange, e.code(), e.code() == ErrorCode.INTERNAL ? "internal error" : e.getMessage());
    } catch (Exception e) {
      LOG.error("{} {} failed", exchange.getRequestMethod(), exchange.getRequestPath(), e);
      respond(exchange, ErrorCode.INTERNAL, "internal error");
    }
  }

  private static void respond(HttpServerExchange exchange, ErrorCode code, String message) {
    if (exchange.isResponseStarted()) {
      // Too late for an error body: cut the connection so the client sees a failure, not a truncated success.
      IoUtils.safeClose(exchange.getConnection());
      return;
    }
    exchange.getResponseHeaders().clear();
    ApiResponses.error(exchange, code, message);
  }

  @Override
  public String toString() {
    return "apiErrors(" + next + ")";
  }
}
