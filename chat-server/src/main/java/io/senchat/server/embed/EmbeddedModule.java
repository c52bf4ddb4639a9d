package io.senchat.server.embed;

import dagger.Module;
import dagger.Provides;
import io.senchat.server.realtime.RealtimeOptions;
import io.senchat.server.storage.Storage;
import io.senchat.server.storage.StorageModule;
import io.senchat.server.transport.TransportSelection;
import io.senchat.server.wiring.StartedResources;
import io.senchat.store.ChatStore;
import io.senchat.transport.longpoll.server.LongPollServerOptions;
import io.senchat.transport.ws.server.WebSocketServerOptions;
import javax.inject.Singleton;

/**
 * Storage over the integrator's database and the settings they chose.
 *
 * <p>Needs bound: {@link EmbeddedSettings}.
 */
@Module(includes = StorageModule.class)
final class EmbeddedModule {

  private EmbeddedModule() {}

  @Provides
  @Singleton
  static Storage storage(EmbeddedSettings settings, StartedResources started) {
    ChatStore store = ChatStore.open(settings.dataSource(), settings.storeOptions());
    Storage storage = settings.ownedPool() == null
        ? Storage.open(store, settings.description())
        : Storage.open(store, settings.description(), settings.ownedPool());
    return started.add(storage);
  }

  @Provides
  static TransportSelection transports(EmbeddedSettings settings) {
    return settings.transports();
  }

  @Provides
  static WebSocketServerOptions webSocketOptions(EmbeddedSettings settings) {
    return settings.webSocket();
  }

  @Provides
  static LongPollServerOptions longPollOptions(EmbeddedSettings settings) {
    return settings.longPoll();
  }

  @Provides
  static RealtimeOptions realtimeOptions(EmbeddedSettings settings) {
    return settings.realtime();
  }
}
