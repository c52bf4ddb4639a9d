/**
 * The SenChat server: {@link io.senchat.server.ChatServer} (Undertow, started by
 * {@link io.senchat.server.ChatServerMain}) over the graph of {@link io.senchat.server.ServerComponent}. Feature
 * packages: {@code rest} (the REST API), {@code realtime}, {@code fanout}, {@code presence}, {@code typing},
 * {@code sync}, {@code membership} (the real-time core), {@code auth}, {@code storage}, {@code transport},
 * {@code metrics}, {@code http}; {@code wiring} holds what the standalone server and {@code embed} (SenChat inside
 * another application) share.
 */
package io.senchat.server;
