package io.senchat.examples.client;

import dagger.Module;
import dagger.Provides;
import dagger.multibindings.IntoMap;
import dagger.multibindings.StringKey;
import io.senchat.domain.transport.ClientTransportFactory;
import io.senchat.transport.longpoll.client.LongPollClientOptions;
import io.senchat.transport.longpoll.client.LongPollTransportFactory;
import io.senchat.transport.ws.client.WebSocketClientOptions;
import java.net.http.HttpClient;

/**
 * The JVM client transports, contributed by name into a {@code Map<String, ClientTransportFactory>}, each delivering
 * its events on the {@link JvmClientRuntime} loop. Needs bound: {@link JvmClientRuntime}, {@link HttpClient},
 * {@link WebSocketClientOptions}.
 */
@Module
public final class JvmTransportsModule {

  private JvmTransportsModule() {}

  @Provides
  @IntoMap
  @StringKey("ws")
  static ClientTransportFactory webSocket(JvmClientRuntime loop, HttpClient http, WebSocketClientOptions options) {
    return loop.webSocket(http, options);
  }

  @Provides
  @IntoMap
  @StringKey("longpoll")
  static ClientTransportFactory longPoll(JvmClientRuntime loop, HttpClient http) {
    // Its callbacks run on the loop (serially per transport), as the engine's single-thread contract requires.
    return new LongPollTransportFactory(http, LongPollClientOptions.defaults(), loop.executor());
  }
}
