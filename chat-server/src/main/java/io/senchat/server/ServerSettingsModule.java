package io.senchat.server;

import dagger.Module;
import dagger.Provides;
import io.senchat.server.auth.TokenKey;
import io.senchat.server.auth.TokenSecret;
import io.senchat.server.config.ServerConfig;
import io.senchat.server.realtime.RealtimeOptions;
import io.senchat.server.transport.TransportSelection;
import io.senchat.transport.longpoll.server.LongPollServerOptions;
import io.senchat.transport.ws.server.WebSocketServerOptions;
import javax.inject.Singleton;

/**
 * Turns the standalone server's {@link ServerConfig} into the settings the other modules need: the token key (from
 * {@code --token-secret}, else kept in {@code <data-dir>/token-secret}), the transport selection and options, and
 * the real-time core's options.
 *
 * <p>Needs bound: {@link ServerConfig}.
 */
@Module
public final class ServerSettingsModule {

  private ServerSettingsModule() {}

  @Provides
  @Singleton
  static TokenKey tokenKey(ServerConfig config) {
    return new TokenKey(TokenSecret.load(config.tokenSecret(), config.dataDir().resolve("token-secret")));
  }

  @Provides
  static TransportSelection transportSelection(ServerConfig config) {
    return new TransportSelection(config.transports());
  }

  @Provides
  static WebSocketServerOptions webSocketOptions(ServerConfig config) {
    return WebSocketServerOptions.defaults().withAllowedOrigins(config.allowedOrigins());
  }

  @Provides
  static LongPollServerOptions longPollOptions(ServerConfig config) {
    return LongPollServerOptions.defaults().withAllowedOrigins(config.allowedOrigins());
  }

  @Provides
  static RealtimeOptions realtimeOptions() {
    return RealtimeOptions.defaults();
  }
}
