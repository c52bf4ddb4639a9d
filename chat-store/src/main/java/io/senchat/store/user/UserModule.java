package io.senchat.store.user;

import io.senchat.domain.common.Clock;
import io.senchat.store.auth.PasswordHasher;
import org.jdbi.v3.core.Jdbi;

/** Builds this package's PostgreSQL implementations; the Jdbi must come from {@code Database.jdbi}. */
public final class UserModule {

  private UserModule() {
  }

  /** Accounts; {@code hasher} hashes the password given at registration. */
  public static UserStore userStore(Jdbi jdbi, PasswordHasher hasher, Clock clock) {
    UserMappers.register(jdbi);
    return new PostgresUserStore(jdbi, hasher, clock);
  }

  /** Profile changes and last-seen times. */
  public static ProfileStore profileStore(Jdbi jdbi) {
    UserMappers.register(jdbi);
    return new PostgresProfileStore(jdbi);
  }
}
