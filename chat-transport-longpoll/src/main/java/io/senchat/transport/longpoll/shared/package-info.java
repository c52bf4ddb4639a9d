/**
 * Wire rules of the long-poll transport shared by the server, the JVM client and the browser client: URLs, the
 * JSON of the open answer, of poll batches and of upstream batches, close codes, and the client's cursor that hands
 * every frame on exactly once.
 *
 * <p>Compiled by GWT as well as javac: keep it translatable (no {@code java.net}, no {@code java.time}, no regular
 * expressions, no {@code String.format}, no reflection).
 */
package io.senchat.transport.longpoll.shared;
