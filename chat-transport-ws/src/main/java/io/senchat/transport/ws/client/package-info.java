/**
 * JVM client of the WebSocket transport on {@code java.net.http.WebSocket}: make transports with
 * {@link io.senchat.transport.ws.client.JdkWebSocketTransportFactory}.
 */
package io.senchat.transport.ws.client;
