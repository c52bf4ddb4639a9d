/**
 * Long-poll transport: commands go up by POST, events come down in held GET requests acknowledged by cursor; it frames
 * and delivers protocol messages like the WebSocket transport and never parses them.
 *
 * <ul>
 *   <li>{@code server}: the Undertow endpoint ({@link io.senchat.transport.longpoll.server.LongPollEndpoint}) and its
 *       Dagger module;
 *   <li>{@code client}: the JVM client on {@code java.net.http};
 *   <li>{@code browser}: the browser client on elemental2, compiled by the web app through
 *       {@code io/senchat/transport/longpoll/LongPollBrowser.gwt.xml};
 *   <li>{@code shared}: URLs, batch JSON, close codes and the client cursor, used by all three, GWT-translatable.
 * </ul>
 *
 * <p>The wire format is documented in docs/protocol.md, "Long-poll transport".
 */
package io.senchat.transport.longpoll;
