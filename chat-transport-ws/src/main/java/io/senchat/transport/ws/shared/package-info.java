/**
 * Wire rules of the WebSocket transport shared by the server, the JVM client and the browser client.
 *
 * <p>Compiled by GWT as well as javac: keep it translatable (no {@code java.net}, no regular expressions, no
 * {@code String.format}, no reflection).
 */
package io.senchat.transport.ws.shared;
