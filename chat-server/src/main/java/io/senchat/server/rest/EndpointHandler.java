package io.senchat.server.rest;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;

/** Calls one {@link Endpoint} and sends its reply; times it as {@code senchat.api.requests} by route. */
final class EndpointHandler implements HttpHandler {

  private final String route;
  private final Endpoint endpoint;
  private final MeterRegistry meters;

  EndpointHandler(String route, Endpoint endpoint, MeterRegistry meters) {
    this.route = route;
    this.endpoint = endpoint;
    this.meters = meters;
  }

  @Override
  public void handleRequest(HttpServerExchange exchange) {
    Timer.Sample sample = Timer.start(meters);
    String outcome = "error";
    try {
      Reply reply = endpoint.handle(new ApiRequest(exchange, exchange.getAttachment(AuthenticatingHandler.PRINCIPAL)));
      ApiResponses.send(exchange, reply.status(), reply.body());
      outcome = "ok";
    } finally {
      sample.stop(meters.timer("senchat.api.requests", "route", route, "outcome", outcome));
    }
  }

  @Override
  public String toString() {
    return "endpoint(" + route + ")";
  }
}
