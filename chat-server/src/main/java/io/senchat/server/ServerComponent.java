package io.senchat.server;

import dagger.BindsInstance;
import dagger.Component;
import io.senchat.server.auth.TokenAuthModule;
import io.senchat.server.config.ServerConfig;
import io.senchat.server.metrics.MetricsModule;
import io.senchat.server.realtime.RealtimeModule;
import io.senchat.server.rest.RestModule;
import io.senchat.server.storage.ConfiguredStoreModule;
import io.senchat.server.wiring.ChatGraph;
import io.senchat.server.wiring.SystemClockModule;
import io.senchat.transport.longpoll.server.LongPollServerModule;
import io.senchat.transport.ws.server.WebSocketServerModule;
import javax.inject.Singleton;

/**
 * The standalone server's object graph. Each line of the module list is one choice; swapping an implementation
 * (another store, another authentication) is changing one line, and a new transport is one more line.
 */
@Singleton
@Component(modules = {
    ServerSettingsModule.class,   // flags -> token key, transport selection and options, core options
    ConfiguredStoreModule.class,  // embedded PostgreSQL under <data-dir>/postgres, or --db-url
    TokenAuthModule.class,        // SenChat accounts: access tokens, /api/auth/*
    MetricsModule.class,          // Prometheus registry with JVM and process meters
    SystemClockModule.class,      // wall clock
    RealtimeModule.class,         // the real-time core: ConnectionAcceptor, FanOut, Realtime
    WebSocketServerModule.class,  // transport "ws"
    LongPollServerModule.class,   // transport "longpoll"
    RestModule.class,             // /api
})
public interface ServerComponent extends ChatGraph {

  /** Builds the graph over a parsed configuration. */
  @Component.Factory
  interface Factory {
    ServerComponent create(@BindsInstance ServerConfig config);
  }
}
