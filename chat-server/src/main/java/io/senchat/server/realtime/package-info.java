/**
 * The real-time core: the {@link io.senchat.domain.transport.ConnectionAcceptor} every transport hands connections
 * to, one session per connection, and the single dispatch pipeline (decode, guards, one handler per command) every
 * client frame goes through. Wire it with {@link io.senchat.server.realtime.RealtimeModule}.
 */
package io.senchat.server.realtime;
