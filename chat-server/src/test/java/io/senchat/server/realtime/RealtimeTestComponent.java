package io.senchat.server.realtime;

import dagger.BindsInstance;
import dagger.Component;
import io.micrometer.core.instrument.MeterRegistry;
import io.senchat.domain.common.Clock;
import io.senchat.domain.transport.ServerEndpoint;
import io.senchat.server.auth.Authenticator;
import io.senchat.server.fanout.SessionRegistry;
import io.senchat.store.ChatStore;
import io.senchat.store.message.MessageWriter;
import io.senchat.transport.ws.server.WebSocketServerModule;
import io.senchat.transport.ws.server.WebSocketServerOptions;
import io.undertow.server.HttpHandler;
import java.util.Map;
import javax.inject.Singleton;

/**
 * The real-time core and the WebSocket transport wired by Dagger exactly as the server assembly does, with only what
 * {@link RealtimeModule}'s Javadoc says it needs: the test proves that list is complete.
 */
@Singleton
@Component(modules = {RealtimeModule.class, WebSocketServerModule.class})
interface RealtimeTestComponent {

  Realtime realtime();

  SessionRegistry sessions();

  /** Call once: each call builds another endpoint. */
  Map<String, ServerEndpoint<HttpHandler>> transports();

  @Component.Factory
  interface Factory {
    RealtimeTestComponent create(@BindsInstance ChatStore store, @BindsInstance MessageWriter writer,
        @BindsInstance Authenticator authenticator, @BindsInstance Clock clock, @BindsInstance MeterRegistry meters,
        @BindsInstance RealtimeOptions options, @BindsInstance WebSocketServerOptions webSocketOptions);
  }
}
