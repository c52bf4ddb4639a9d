package io.senchat.server.rest;

import io.senchat.domain.transport.Handshake;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HeaderValues;
import io.undertow.util.Headers;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Describes a REST request as a {@link Handshake}, so one authentication hook serves REST and real-time alike. */
final class Handshakes {

  private static final String BEARER = "Bearer ";

  private Handshakes() {}

  /**
   * The handshake of this request. A bearer token moves from {@code Authorization} to
   * {@link Handshake#accessToken()}, and that header is left out, so that logging the headers never leaks it; other
   * {@code Authorization} schemes stay in the headers for integrators' hooks.
   */
  static Handshake of(HttpServerExchange exchange) {
    String token = "";
    String authorization = exchange.getRequestHeaders().getFirst(Headers.AUTHORIZATION);
    boolean bearer = authorization != null
        && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length());
    if (bearer) {
      token = authorization.substring(BEARER.length()).trim();
    }
    Map<String, List<String>> headers = new HashMap<>();
    for (HeaderValues values : exchange.getRequestHeaders()) {
      String name = values.getHeaderName().toString().toLowerCase(Locale.ROOT);
      if (bearer && name.equals("authorization")) {
        continue;
      }
      headers.computeIfAbsent(name, n -> new ArrayList<>()).addAll(values);
    }
    String origin = exchange.getRequestHeaders().getFirst(Headers.ORIGIN);
    InetSocketAddress source = exchange.getSourceAddress();
    return new Handshake(token, origin == null ? "" : origin, headers,
        source == null ? "" : source.getAddress().getHostAddress());
  }
}
