package io.senchat.server.embed;

import io.senchat.server.realtime.RealtimeOptions;
import io.senchat.server.transport.TransportSelection;
import io.senchat.store.StoreOptions;
import io.senchat.transport.longpoll.server.LongPollServerOptions;
import io.senchat.transport.ws.server.WebSocketServerOptions;
import javax.sql.DataSource;

/**
 * What {@link SenChat.Builder} collected, handed to the embedded components as one instance.
 *
 * @param dataSource where the data lives
 * @param ownedPool the pool SenChat built from a JDBC URL (closed with it), or {@code null} for the integrator's
 * @param description for logs, e.g. {@code the application's DataSource}
 */
record EmbeddedSettings(DataSource dataSource, AutoCloseable ownedPool, String description, StoreOptions storeOptions,
    TransportSelection transports, WebSocketServerOptions webSocket, LongPollServerOptions longPoll,
    RealtimeOptions realtime) {}
