package io.senchat.server.rest;

import io.senchat.domain.common.ErrorCode;
import io.senchat.domain.protocol.json.JsonObject;
import io.senchat.domain.protocol.json.JsonValue;
import io.senchat.domain.protocol.json.JsonWriter;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.nio.charset.StandardCharsets;

/** Writes JSON answers and the API's error body {@code {"code": ..., "message": ...}}. */
final class ApiResponses {

  private static final int MAX_MESSAGE_CHARS = 1000;

  private ApiResponses() {}

  /** Sends {@code body} (or nothing when null) with {@code status}; API answers are never cached. */
  static void send(HttpServerExchange exchange, int status, JsonValue body) {
    exchange.setStatusCode(status);
    exchange.getResponseHeaders().put(Headers.CACHE_CONTROL, "no-store");
    if (body == null) {
      exchange.endExchange();
      return;
    }
    exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/json; charset=utf-8");
    exchange.getResponseSender().send(JsonWriter.write(body), StandardCharsets.UTF_8);
  }

  /** Sends the error body with the code's HTTP status. */
  static void error(HttpServerExchange exchange, ErrorCode code, String message) {
    error(exchange, code.httpStatus(), code, message);
  }

  /** Sends the error body with a status of its own (405 has no code of its own). */
  static void error(HttpServerExchange exchange, int status, ErrorCode code, String message) {
    if (status == 401) {
      exchange.getResponseHeaders().put(Headers.WWW_AUTHENTICATE, "Bearer");
    }
    String text = message == null ? "" : message;
    if (text.length() > MAX_MESSAGE_CHARS) {
      text = text.substring(0, MAX_MESSAGE_CHARS);
    }
    send(exchange, status, JsonObject.builder().put("code", code.wireName()).put("message", text).build());
  }
}
