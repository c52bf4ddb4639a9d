package io.senchat.transport.ws.server;

import io.senchat.domain.transport.BearerTokens;
import io.senchat.transport.ws.shared.WsSubprotocols;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HeaderValues;
import io.undertow.util.Headers;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Deque;

/**
 * The access token an upgrade request carries, and where it was found.
 *
 * @param value the token, {@code ""} when none
 * @param source where it came from
 */
record BearerToken(String value, Source source) {

  /** Where a client put its token, in the order the endpoint looks. */
  enum Source {
    /** {@code Authorization: Bearer <t>}: non-browser clients. */
    HEADER,
    /** A {@code bearer.<t>} entry of {@code Sec-WebSocket-Protocol}: browsers, which cannot set headers. */
    SUBPROTOCOL,
    /** {@code ?access_token=}: last resort, since URLs end up in logs. */
    QUERY,
    /** No token at all. */
    NONE
  }

  static final String QUERY_PARAMETER = BearerTokens.QUERY_PARAMETER;

  static BearerToken from(HttpServerExchange exchange) {
    String fromHeader = BearerTokens.fromAuthorization(exchange.getRequestHeaders().getFirst(Headers.AUTHORIZATION));
    if (!fromHeader.isEmpty()) {
      return new BearerToken(fromHeader, Source.HEADER);
    }
    HeaderValues protocols = exchange.getRequestHeaders().get(Headers.SEC_WEB_SOCKET_PROTOCOL);
    if (protocols != null) {
      for (String header : protocols) {
        for (String protocol : header.split(",")) {
          String trimmed = protocol.trim();
          if (trimmed.startsWith(WsSubprotocols.BEARER_PREFIX)) {
            return new BearerToken(decode(trimmed.substring(WsSubprotocols.BEARER_PREFIX.length())),
                Source.SUBPROTOCOL);
          }
        }
      }
    }
    Deque<String> query = exchange.getQueryParameters().get(QUERY_PARAMETER);
    if (query != null && !query.isEmpty() && !query.getFirst().isEmpty()) {
      return new BearerToken(query.getFirst(), Source.QUERY);
    }
    return new BearerToken("", Source.NONE);
  }

  /** Reverses {@link WsSubprotocols#encodeToken}; a malformed escape yields {@code ""}, which no acceptor accepts. */
  static String decode(String encoded) {
    if (encoded.indexOf('%') < 0) {
      return encoded;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(encoded.length());
    for (int i = 0; i < encoded.length(); i++) {
      char c = encoded.charAt(i);
      if (c == '%') {
        if (i + 2 >= encoded.length()) {
          return "";
        }
        int high = Character.digit(encoded.charAt(i + 1), 16);
        int low = Character.digit(encoded.charAt(i + 2), 16);
        if (high < 0 || low < 0) {
          return "";
        }
        bytes.write(high << 4 | low);
        i += 2;
      } else if (c < 0x80) {
        bytes.write(c);
      } else {
        return "";
      }
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    // Never print the token itself: toString ends up in logs.
    return "BearerToken[" + source + (value.isEmpty() ? ", empty]" : ", " + value.length() + " chars]");
  }
}
