package io.senchat.transport.ws.server;

import io.senchat.domain.common.ErrorCode;
import io.senchat.domain.transport.ErrorBodies;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.nio.charset.StandardCharsets;

/** Answers a refused upgrade request with the same JSON error body as the REST API. */
final class JsonErrors {

  private JsonErrors() {}

  static void send(HttpServerExchange exchange, ErrorCode code, String message) {
    exchange.setStatusCode(code.httpStatus());
    exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/json; charset=utf-8");
    exchange.getResponseHeaders().put(Headers.CACHE_CONTROL, "no-store");
    if (code.httpStatus() == 401) {
      exchange.getResponseHeaders().put(Headers.WWW_AUTHENTICATE, "Bearer");
    }
    exchange.getResponseSender().send(body(code, message), StandardCharsets.UTF_8);
  }

  static String body(ErrorCode code, String message) {
    return ErrorBodies.body(code, message);
  }
}
