package io.senchat.store.testing;

import io.senchat.store.db.EmbeddedDatabase;
import io.senchat.store.db.EmbeddedDatabaseConfig;

/** One embedded server per JVM, started on first use, in a temporary non-durable cluster for speed. */
final class EmbeddedTestDatabase implements TestDatabase {

  static final EmbeddedTestDatabase INSTANCE = new EmbeddedTestDatabase();

  private EmbeddedDatabase server;

  private EmbeddedTestDatabase() {
  }

  @Override
  public synchronized TestSchema newSchema(String label) {
    if (server == null) {
      server = EmbeddedDatabase.start(EmbeddedDatabaseConfig.temporary());
      EmbeddedDatabase started = server;
      Runtime.getRuntime().addShutdownHook(new Thread(started::close, "embedded-postgres-stop"));
    }
    return TestSchema.create(server.databaseConfig(4), label);
  }

  @Override
  public String name() {
    return "embedded";
  }
}
