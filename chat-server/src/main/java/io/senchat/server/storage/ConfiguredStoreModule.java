package io.senchat.server.storage;

import dagger.Module;
import dagger.Provides;
import io.senchat.server.config.ServerConfig;
import io.senchat.server.wiring.StartedResources;
import io.senchat.store.ChatStore;
import io.senchat.store.StoreOptions;
import io.senchat.store.db.DatabaseConfig;
import io.senchat.store.db.EmbeddedDatabase;
import io.senchat.store.db.EmbeddedDatabaseConfig;
import java.nio.file.Path;
import java.util.List;
import javax.inject.Singleton;

/**
 * Storage as the flags say: the embedded PostgreSQL kept under {@code <data-dir>/postgres} when there is no
 * {@code --db-url}, else the external server at that URL.
 *
 * <p>Needs bound: {@link ServerConfig}.
 */
@Module(includes = StorageModule.class)
public final class ConfiguredStoreModule {

  /** Connections per pool: Undertow's workers, the group-commit writers and the real-time core share them. */
  static final int POOL_SIZE = 20;

  private ConfiguredStoreModule() {}

  @Provides
  @Singleton
  static Storage storage(ServerConfig config, StartedResources started) {
    return started.add(open(config));
  }

  private static Storage open(ServerConfig config) {
    StoreOptions options = StoreOptions.defaults();
    if (config.dbUrl().isPresent()) {
      String url = config.dbUrl().get();
      ChatStore store = ChatStore.open(new DatabaseConfig(url, config.dbUser(), config.dbPassword(), POOL_SIZE, ""),
          options);
      return Storage.open(store, "PostgreSQL at " + withoutParameters(url));
    }
    Path directory = config.dataDir().resolve("postgres");
    EmbeddedDatabase database = EmbeddedDatabase.start(EmbeddedDatabaseConfig.kept(directory));
    ChatStore store;
    try {
      store = ChatStore.open(database.databaseConfig(POOL_SIZE), options);
    } catch (RuntimeException e) {
      Storage.closeAll(List.of(database), e);
      throw e;
    }
    return Storage.open(store, "embedded PostgreSQL in " + shown(directory), database);
  }

  /** A JDBC URL without its query, which may carry a password. */
  static String withoutParameters(String url) {
    int query = url.indexOf('?');
    return query < 0 ? url : url.substring(0, query);
  }

  /** A relative path the way a user would type it ({@code ./data/postgres}), so they can tell where it is. */
  static String shown(Path path) {
    return path.isAbsolute() || path.startsWith(".") || path.startsWith("..") ? path.toString() : "./" + path;
  }
}
