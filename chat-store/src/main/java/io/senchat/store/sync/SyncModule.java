package io.senchat.store.sync;

import org.jdbi.v3.core.Jdbi;

/** Builds this package's PostgreSQL implementation; the Jdbi must come from {@code Database.jdbi}. */
public final class SyncModule {

  private SyncModule() {
  }

  /** The change feed reader. */
  public static ChangeFeed changeFeed(Jdbi jdbi) {
    PostgresChangeFeed.registerMappers(jdbi);
    return new PostgresChangeFeed(jdbi);
  }
}
