package io.senchat.server.embed;

import dagger.BindsInstance;
import dagger.Component;
import io.senchat.server.auth.Authenticator;
import io.senchat.server.metrics.MetricsModule;
import io.senchat.server.realtime.RealtimeModule;
import io.senchat.server.rest.RestModule;
import io.senchat.server.wiring.ChatGraph;
import io.senchat.server.wiring.SystemClockModule;
import io.senchat.transport.longpoll.server.LongPollServerModule;
import io.senchat.transport.ws.server.WebSocketServerModule;
import javax.inject.Singleton;

/** SenChat embedded behind the integrator's authentication: their {@link Authenticator} names every caller. */
@Singleton
@Component(modules = {
    EmbeddedModule.class,         // the integrator's database and settings
    MetricsModule.class,
    SystemClockModule.class,
    RealtimeModule.class,
    WebSocketServerModule.class,  // transport "ws"
    LongPollServerModule.class,   // transport "longpoll"
    RestModule.class,
})
interface HookEmbeddedComponent extends ChatGraph {

  /** Builds the graph around the integrator's authenticator. */
  @Component.Factory
  interface Factory {
    HookEmbeddedComponent create(@BindsInstance EmbeddedSettings settings,
        @BindsInstance Authenticator authenticator);
  }
}
