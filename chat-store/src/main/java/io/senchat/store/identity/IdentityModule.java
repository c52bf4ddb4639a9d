package io.senchat.store.identity;

import io.senchat.domain.common.Clock;
import org.jdbi.v3.core.Jdbi;

/** Builds this package's PostgreSQL implementation; the Jdbi must come from {@code Database.jdbi}. */
public final class IdentityModule {

  private IdentityModule() {
  }

  /** External identities over the same database (and schema) as the other stores. */
  public static ExternalIdentityStore externalIdentityStore(Jdbi jdbi, Clock clock) {
    jdbi.registerRowMapper(IdentityDao.LinkRow.class,
        (rs, ctx) -> new IdentityDao.LinkRow(rs.getLong("user_id"), rs.getString("display_name")));
    return new PostgresExternalIdentityStore(jdbi, clock);
  }
}
