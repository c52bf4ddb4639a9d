/**
 * Server side of the WebSocket transport on Undertow: {@link io.senchat.transport.ws.server.WebSocketEndpoint} (the
 * upgrade handler), its {@link io.senchat.transport.ws.server.WebSocketServerOptions} and the Dagger
 * {@link io.senchat.transport.ws.server.WebSocketServerModule}. Everything else is package-private.
 */
package io.senchat.transport.ws.server;
