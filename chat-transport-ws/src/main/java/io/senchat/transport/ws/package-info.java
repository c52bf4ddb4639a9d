/**
 * WebSocket transport: frames protocol messages over WebSocket and hands them to the server core, never parsing them.
 *
 * <ul>
 *   <li>{@code server}: the Undertow upgrade endpoint ({@link io.senchat.transport.ws.server.WebSocketEndpoint}) and
 *       its Dagger module;
 *   <li>{@code client}: the JVM client on {@code java.net.http.WebSocket};
 *   <li>{@code browser}: the browser client on elemental2, compiled by the web app through
 *       {@code io/senchat/transport/ws/WsBrowser.gwt.xml};
 *   <li>{@code shared}: URL, subprotocol and close-code rules used by all three, kept GWT-translatable.
 * </ul>
 */
package io.senchat.transport.ws;
