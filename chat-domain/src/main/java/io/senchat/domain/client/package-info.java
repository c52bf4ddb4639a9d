/**
 * The client engine, written once for every SenChat client: JVM bots and load generators, and the GWT browser app.
 *
 * <p>{@link io.senchat.domain.client.ChatClient} connects through a {@link io.senchat.domain.transport.ClientTransport},
 * says {@code hello}, resumes the change feed from the persisted sync token, keeps unsent messages in the
 * {@link io.senchat.domain.offline.OfflineQueue} until the server acknowledges them, reconnects with jittered backoff,
 * and detects dead sockets with heartbeats. It does only what docs/protocol.md specifies, in one place, so every client
 * recovers from a lost connection the same way.
 *
 * <p>Which transport each attempt uses is a {@link io.senchat.domain.client.TransportPolicy}:
 * {@link io.senchat.domain.client.FallbackTransportPolicy} starts on WebSocket, falls back to long-polling when
 * WebSocket is blocked, and returns through background probes; a switch is an ordinary reconnect that resumes by sync
 * token, so it loses and repeats nothing.
 *
 * <p>Like the rest of the domain it must stay translatable by GWT: no threads, no timers of its own, no I/O. Time,
 * scheduling and randomness come from a {@link io.senchat.domain.client.ClientRuntime}; persistence from a
 * {@link io.senchat.domain.client.ClientStateStore}. The engine is single-threaded by contract: transport events,
 * scheduled tasks and API calls must all arrive on one event loop (the browser's, or a single-thread executor on the
 * JVM).
 */
package io.senchat.domain.client;
