package io.senchat.server.storage;

import dagger.Module;
import dagger.Provides;
import io.senchat.store.ChatStore;
import io.senchat.store.message.MessageWriter;

/**
 * Hands out the parts of {@link Storage} to whoever needs them (the REST API, the real-time core).
 *
 * <p>Needs bound: {@link Storage} (from {@link ConfiguredStoreModule} or an embedding module).
 */
@Module
public final class StorageModule {

  private StorageModule() {}

  @Provides
  static ChatStore chatStore(Storage storage) {
    return storage.store();
  }

  @Provides
  static MessageWriter messageWriter(Storage storage) {
    return storage.writer();
  }
}
