package io.senchat.web.realtime;

import dagger.Module;
import dagger.Provides;
import io.senchat.domain.client.FallbackTransportPolicy;
import io.senchat.domain.client.TransportPolicy;
import io.senchat.domain.common.Clock;
import io.senchat.transport.longpoll.browser.BrowserLongPollOptions;
import io.senchat.transport.longpoll.browser.BrowserLongPollTransportFactory;
import io.senchat.transport.ws.browser.BrowserWebSocketOptions;
import io.senchat.transport.ws.browser.BrowserWebSocketTransportFactory;

/**
 * Chooses how the browser reaches the server: WebSocket, falling back to long-polling where WebSocket is blocked
 * (and probing back). A policy is stateful, so each {@link io.senchat.domain.client.ChatClient} gets its own (not a
 * singleton). Swap this module to change transports; needs a {@link Clock} (the platform module's).
 */
@Module
public abstract class TransportModule {

  private TransportModule() {}

  @Provides
  static TransportPolicy transports(Clock clock) {
    return new FallbackTransportPolicy(new BrowserWebSocketTransportFactory(BrowserWebSocketOptions.defaults()),
        new BrowserLongPollTransportFactory(BrowserLongPollOptions.defaults()), clock);
  }
}
