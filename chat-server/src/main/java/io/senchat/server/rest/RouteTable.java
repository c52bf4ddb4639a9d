package io.senchat.server.rest;

import io.senchat.domain.common.ErrorCode;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.RoutingHandler;
import io.undertow.util.Headers;
import io.undertow.util.PathTemplateMatcher;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * An Undertow {@link RoutingHandler} that also remembers which methods each path template takes, so that a wrong
 * method gets 405 with {@code Allow}, and an unknown path a JSON 404.
 */
final class RouteTable {

  // false: path parameters stay out of the query parameters, where a client's own ?id= could shadow them.
  private final RoutingHandler routing = new RoutingHandler(false);
  private final Map<String, Set<String>> methods = new LinkedHashMap<>();

  RouteTable add(String method, String template, HttpHandler handler) {
    routing.add(method, template, handler);
    methods.computeIfAbsent(template, t -> new LinkedHashSet<>()).add(method);
    return this;
  }

  /** The table as a handler; call after the last {@link #add}. */
  HttpHandler handler() {
    PathTemplateMatcher<Set<String>> allowed = new PathTemplateMatcher<>();
    methods.forEach(allowed::add);
    routing.setFallbackHandler(new NoRouteHandler());
    routing.setInvalidMethodHandler(new WrongMethodHandler(allowed));
    return routing;
  }

  /** Unknown path under the API. */
  static final class NoRouteHandler implements HttpHandler {

    @Override
    public void handleRequest(HttpServerExchange exchange) {
      ApiResponses.error(exchange, ErrorCode.NOT_FOUND,
          "no route " + exchange.getRequestMethod() + " " + exchange.getRequestPath() + "; see docs/api.md");
    }

    @Override
    public String toString() {
      return "noRoute()";
    }
  }

  /** Known path, unknown method: 405 with the methods the path takes. */
  static final class WrongMethodHandler implements HttpHandler {

    private final PathTemplateMatcher<Set<String>> allowed;

    WrongMethodHandler(PathTemplateMatcher<Set<String>> allowed) {
      this.allowed = allowed;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) {
      PathTemplateMatcher.PathMatchResult<Set<String>> match = allowed.match(exchange.getRelativePath());
      String allow = match == null ? "" : String.join(", ", match.getValue());
      exchange.getResponseHeaders().put(Headers.ALLOW, allow);
      ApiResponses.error(exchange, 405, ErrorCode.BAD_FRAME,
          "method " + exchange.getRequestMethod() + " is not allowed on " + exchange.getRequestPath()
              + "; allowed: " + allow);
    }

    @Override
    public String toString() {
      return "wrongMethod()";
    }
  }
}
