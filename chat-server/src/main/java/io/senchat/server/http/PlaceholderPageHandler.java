package io.senchat.server.http;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.StatusCodes;
import java.nio.charset.StandardCharsets;

/** Served at {@code /} when no web app is available, so that a first start explains itself instead of a 404. */
public final class PlaceholderPageHandler implements HttpHandler {

  static final String PAGE = """
      <!doctype html>
      <html lang="en">
      <head><meta charset="utf-8"><title>SenChat</title></head>
      <body>
      <h1>SenChat is running</h1>
      <p>The web app isn't built into this server. Build it with <code>mvn install</code> (module chat-web-gwt), or
      start the server with <code>--web-root &lt;directory with index.html&gt;</code>.</p>
      <p>The REST API is at <a href="api/me">/api</a> (see docs/api.md), health at <a href="healthz">/healthz</a>.</p>
      </body>
      </html>
      """;

  @Override
  public void handleRequest(HttpServerExchange exchange) {
    String path = exchange.getRelativePath();
    exchange.getResponseHeaders().put(Headers.CACHE_CONTROL, "no-cache");
    if (path.isEmpty() || path.equals("/") || path.equals("/index.html")) {
      exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/html; charset=utf-8");
      exchange.getResponseSender().send(PAGE, StandardCharsets.UTF_8);
    } else {
      exchange.setStatusCode(StatusCodes.NOT_FOUND);
      exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/plain; charset=utf-8");
      exchange.getResponseSender().send("Not found\n", StandardCharsets.UTF_8);
    }
  }

  @Override
  public String toString() {
    return "placeholderPage()";
  }
}
