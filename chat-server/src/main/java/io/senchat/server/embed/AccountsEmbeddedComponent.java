package io.senchat.server.embed;

import dagger.BindsInstance;
import dagger.Component;
import io.senchat.server.auth.TokenAuthModule;
import io.senchat.server.auth.TokenKey;
import io.senchat.server.metrics.MetricsModule;
import io.senchat.server.realtime.RealtimeModule;
import io.senchat.server.rest.RestModule;
import io.senchat.server.wiring.ChatGraph;
import io.senchat.server.wiring.SystemClockModule;
import io.senchat.transport.longpoll.server.LongPollServerModule;
import io.senchat.transport.ws.server.WebSocketServerModule;
import javax.inject.Singleton;

/** SenChat embedded with its own accounts ({@code /api/auth/*}, access tokens). */
@Singleton
@Component(modules = {
    EmbeddedModule.class,         // the integrator's database and settings
    TokenAuthModule.class,        // SenChat accounts
    MetricsModule.class,
    SystemClockModule.class,
    RealtimeModule.class,
    WebSocketServerModule.class,  // transport "ws"
    LongPollServerModule.class,   // transport "longpoll"
    RestModule.class,
})
interface AccountsEmbeddedComponent extends ChatGraph {

  /** Builds the graph. */
  @Component.Factory
  interface Factory {
    AccountsEmbeddedComponent create(@BindsInstance EmbeddedSettings settings, @BindsInstance TokenKey tokenKey);
  }
}
