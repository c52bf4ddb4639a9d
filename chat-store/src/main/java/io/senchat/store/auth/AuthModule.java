package io.senchat.store.auth;

import io.senchat.domain.common.Clock;
import java.security.SecureRandom;
import org.jdbi.v3.core.Jdbi;

/** Builds this package's PostgreSQL implementations; the Jdbi must come from {@code Database.jdbi}. */
public final class AuthModule {

  private AuthModule() {
  }

  /** Password verification and changes against the {@code user_credential} table. */
  public static CredentialStore credentialStore(Jdbi jdbi, PasswordHasher hasher, Clock clock) {
    AuthMappers.register(jdbi);
    return new PostgresCredentialStore(jdbi, hasher, clock);
  }

  /** Refresh-token sessions. */
  public static SessionStore sessionStore(Jdbi jdbi, SessionPolicy policy, Clock clock) {
    AuthMappers.register(jdbi);
    return new PostgresSessionStore(jdbi, policy, clock, new SecureRandom());
  }
}
