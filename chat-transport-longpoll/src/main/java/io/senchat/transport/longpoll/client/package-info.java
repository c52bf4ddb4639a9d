/**
 * JVM client of the long-poll transport on {@code java.net.http}: make transports with
 * {@link io.senchat.transport.longpoll.client.LongPollTransportFactory}.
 */
package io.senchat.transport.longpoll.client;
