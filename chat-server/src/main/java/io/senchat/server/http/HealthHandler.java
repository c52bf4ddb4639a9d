package io.senchat.server.http;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.StatusCodes;
import java.util.function.BooleanSupplier;

/** {@code GET /healthz}: 200 {"status":"ok"} while the server can serve, 503 otherwise (e.g. database down). */
public final class HealthHandler implements HttpHandler {

  private final BooleanSupplier healthy;

  public HealthHandler(BooleanSupplier healthy) {
    this.healthy = healthy;
  }

  @Override
  public void handleRequest(HttpServerExchange exchange) {
    if (exchange.isInIoThread()) {
      // The check may touch the database: never block an IO thread.
      exchange.dispatch(this);
      return;
    }
    boolean ok = healthy.getAsBoolean();
    exchange.setStatusCode(ok ? StatusCodes.OK : StatusCodes.SERVICE_UNAVAILABLE);
    exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/json");
    exchange.getResponseHeaders().put(Headers.CACHE_CONTROL, "no-store");
    exchange.getResponseSender().send(ok ? "{\"status\":\"ok\"}" : "{\"status\":\"unavailable\"}");
  }

  @Override
  public String toString() {
    return "health()";
  }
}
