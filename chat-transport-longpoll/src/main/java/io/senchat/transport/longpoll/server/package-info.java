/**
 * Server side of the long-poll transport on Undertow: {@link io.senchat.transport.longpoll.server.LongPollEndpoint},
 * its {@link io.senchat.transport.longpoll.server.LongPollServerOptions} and the Dagger
 * {@link io.senchat.transport.longpoll.server.LongPollServerModule}. Everything else is package-private.
 */
package io.senchat.transport.longpoll.server;
