package io.senchat.store.receipt;

import org.jdbi.v3.core.Jdbi;

/** Builds this package's PostgreSQL implementation; the Jdbi must come from {@code Database.jdbi}. */
public final class ReceiptModule {

  private ReceiptModule() {
  }

  /** Receipt marks. */
  public static ReceiptStore receiptStore(Jdbi jdbi) {
    PostgresReceiptStore.registerMappers(jdbi);
    return new PostgresReceiptStore(jdbi);
  }
}
