package io.senchat.transport.ws.server;

import io.senchat.domain.common.ErrorCode;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;

/** Answers an authenticated request that is not a WebSocket upgrade (wrong method, missing headers, old version). */
final class NotAnUpgradeHandler implements HttpHandler {

  @Override
  public void handleRequest(HttpServerExchange exchange) {
    JsonErrors.send(exchange, ErrorCode.BAD_FRAME,
        "expected a WebSocket upgrade: GET with Upgrade: websocket and Sec-WebSocket-Version: 13");
  }

  @Override
  public String toString() {
    return "NotAnUpgradeHandler";
  }
}
