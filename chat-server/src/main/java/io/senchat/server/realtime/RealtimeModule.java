package io.senchat.server.realtime;

import dagger.Binds;
import dagger.Module;
import io.senchat.domain.transport.ConnectionAcceptor;
import io.senchat.server.fanout.InProcessFanOutModule;
import io.senchat.server.membership.MembershipModule;
import io.senchat.server.presence.InProcessPresenceModule;
import io.senchat.server.sync.SyncModule;
import io.senchat.server.typing.InProcessTypingModule;

/**
 * The real-time core for one node: binds {@link ConnectionAcceptor} (what every transport hands its connections to)
 * and {@link Realtime} (its shutdown) to the core, and brings the in-process fan-out
 * ({@link io.senchat.server.fanout.FanOut}, {@link io.senchat.server.fanout.SessionRegistry}), membership cache,
 * presence, typing, feed replay and write barrier. A cluster would swap {@link InProcessFanOutModule} and
 * {@link InProcessPresenceModule} for bus-backed ones.
 *
 * <p>Needs bound in the component, which must be {@code @Singleton}:
 *
 * <ul>
 *   <li>{@link io.senchat.store.ChatStore}: the open store;
 *   <li>{@link io.senchat.store.message.MessageWriter}: from {@code ChatStore.startWriter(...)};
 *   <li>{@link io.senchat.server.auth.Authenticator}: e.g. over {@code AccessTokens.verify(handshake.accessToken())};
 *   <li>{@link io.senchat.domain.common.Clock}: the server clock;
 *   <li>{@link io.micrometer.core.instrument.MeterRegistry}: e.g. the Prometheus registry;
 *   <li>{@link RealtimeOptions}: e.g. {@code @BindsInstance RealtimeOptions.defaults()}.
 * </ul>
 *
 * <p>Shutdown order: {@link Realtime#shutdown()} (sessions end with 1001 and reconnect elsewhere or later), then the
 * transports' shutdown hooks, then {@code MessageWriter.close()}, then {@code ChatStore.close()}.
 */
@Module(includes = {MembershipModule.class, InProcessFanOutModule.class, InProcessPresenceModule.class,
    InProcessTypingModule.class, SyncModule.class})
public abstract class RealtimeModule {

  private RealtimeModule() {
  }

  @Binds
  abstract ConnectionAcceptor connectionAcceptor(RealtimeCore core);

  @Binds
  abstract Realtime realtime(RealtimeCore core);
}
