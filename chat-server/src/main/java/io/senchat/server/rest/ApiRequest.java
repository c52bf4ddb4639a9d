package io.senchat.server.rest;

import io.senchat.domain.common.ChatException;
import io.senchat.domain.common.ErrorCode;
import io.senchat.domain.conversation.ConversationId;
import io.senchat.domain.transport.Principal;
import io.senchat.domain.user.UserId;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.PathTemplateMatch;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;

/** What an endpoint may read of a request: the caller, path and query parameters, the JSON body. */
final class ApiRequest {

  private final HttpServerExchange exchange;
  private final Principal principal;
  private JsonFields body;

  /**
   * @param principal the authenticated caller, or {@code null} on the few public routes
   */
  ApiRequest(HttpServerExchange exchange, Principal principal) {
    this.exchange = exchange;
    this.principal = principal;
  }

  HttpServerExchange exchange() {
    return exchange;
  }

  /** The caller; only on authenticated routes. */
  Principal principal() {
    if (principal == null) {
      throw new IllegalStateException("public routes have no principal");
    }
    return principal;
  }

  UserId user() {
    return principal().userId();
  }

  /** The body as an object, read and parsed on first use. */
  JsonFields body() {
    if (body == null) {
      body = JsonFields.of(RequestBodies.read(exchange), "body");
    }
    return body;
  }

  /** The {@code {id}} of the path as a conversation id. */
  ConversationId conversationId() {
    return ConversationId.of(pathId("id"));
  }

  /** A positive integer path parameter; a malformed one is a route to nothing, so NOT_FOUND. */
  long pathId(String name) {
    PathTemplateMatch match = exchange.getAttachment(PathTemplateMatch.ATTACHMENT_KEY);
    String text = match == null ? null : match.getParameters().get(name);
    long value = parseLong(text);
    if (value <= 0) {
      throw new ChatException(ErrorCode.NOT_FOUND, "no such " + name + ": " + abbreviate(text));
    }
    return value;
  }

  /** A query parameter, if present and not empty. */
  Optional<String> query(String name) {
    Map<String, Deque<String>> parameters = exchange.getQueryParameters();
    Deque<String> values = parameters.get(name);
    if (values == null || values.isEmpty() || values.getFirst().isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(values.getFirst());
  }

  /** An integer query parameter within {@code min..max}; BAD_FRAME otherwise. */
  Optional<Long> queryLong(String name, long min, long max) {
    Optional<String> text = query(name);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    long value = parseLong(text.get());
    if (value < min || value > max) {
      throw new ChatException(ErrorCode.BAD_FRAME, "query parameter " + name + " must be an integer from " + min
          + " to " + max + ", got " + abbreviate(text.get()));
    }
    return Optional.of(value);
  }

  /** {@link #queryLong} for page sizes. */
  int limit(int fallback, int max) {
    return queryLong("limit", 1, max).map(Long::intValue).orElse(fallback);
  }

  /** A request header, or {@code ""}. */
  String header(String name) {
    String value = exchange.getRequestHeaders().getFirst(name);
    return value == null ? "" : value;
  }

  /** The number, or -1 when the text is not a plain non-negative decimal that fits in a long. */
  private static long parseLong(String text) {
    if (text == null || text.isEmpty() || text.length() > 18) {
      return -1;
    }
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) < '0' || text.charAt(i) > '9') {
        return -1;
      }
    }
    return Long.parseLong(text);
  }

  private static String abbreviate(String text) {
    if (text == null) {
      return "(none)";
    }
    return text.length() <= 32 ? text : text.substring(0, 32) + "...";
  }
}
