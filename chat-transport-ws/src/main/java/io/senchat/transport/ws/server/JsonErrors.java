package io.senchat.transport.ws.server;

import io.senchat.domain.common.ErrorCode;
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
    return "{\"code\":" + quote(code.wireName()) + ",\"message\":" + quote(message == null ? "" : message) + "}";
  }

  private static String quote(String text) {
    StringBuilder out = new StringBuilder(text.length() + 2).append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append("\\u00").append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 0xF, 16));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }
}
