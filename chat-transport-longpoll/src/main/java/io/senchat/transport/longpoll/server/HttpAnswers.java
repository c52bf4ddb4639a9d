package io.senchat.transport.longpoll.server;

import io.senchat.domain.common.ErrorCode;
import io.senchat.domain.transport.ErrorBodies;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import java.nio.charset.StandardCharsets;

/** Writes the endpoint's answers: JSON bodies, never cached, errors shaped like the REST API's. */
final class HttpAnswers {

  static final HttpString ALLOW_ORIGIN = new HttpString("Access-Control-Allow-Origin");
  static final HttpString ALLOW_METHODS = new HttpString("Access-Control-Allow-Methods");
  static final HttpString ALLOW_HEADERS = new HttpString("Access-Control-Allow-Headers");
  static final HttpString MAX_AGE = new HttpString("Access-Control-Max-Age");

  private HttpAnswers() {}

  static void json(HttpServerExchange exchange, int status, String body) {
    exchange.setStatusCode(status);
    exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/json; charset=utf-8");
    exchange.getResponseHeaders().put(Headers.CACHE_CONTROL, "no-store");
    exchange.getResponseSender().send(body, StandardCharsets.UTF_8);
  }

  static void error(HttpServerExchange exchange, ErrorCode code, String message) {
    if (code.httpStatus() == 401) {
      exchange.getResponseHeaders().put(Headers.WWW_AUTHENTICATE, "Bearer");
    }
    json(exchange, code.httpStatus(), ErrorBodies.body(code, message));
  }

  static void noContent(HttpServerExchange exchange) {
    exchange.setStatusCode(204);
    exchange.getResponseHeaders().put(Headers.CACHE_CONTROL, "no-store");
    exchange.endExchange();
  }

  /** Lets an allowed page of another origin read the answer (the Origin check already passed). */
  static void allowOrigin(HttpServerExchange exchange, String origin) {
    if (!origin.isEmpty()) {
      exchange.getResponseHeaders().put(ALLOW_ORIGIN, origin);
      exchange.getResponseHeaders().add(Headers.VARY, "Origin");
    }
  }
}
