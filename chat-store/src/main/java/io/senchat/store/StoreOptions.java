package io.senchat.store;

import io.senchat.domain.common.Clock;
import io.senchat.store.auth.Argon2Settings;
import io.senchat.store.auth.SessionPolicy;

/**
 * Settings of a {@link ChatStore} beyond where the database is.
 *
 * @param clock source of every stored time
 * @param passwordHashing Argon2id cost; {@link Argon2Settings#OWASP} unless testing
 * @param sessions refresh-token and session lifetimes
 * @param schema schema to migrate and use, or {@code ""} for the connection's default; with a DataSource of your
 *     own, its connections must already use this schema (e.g. {@code currentSchema} in the JDBC URL)
 */
public record StoreOptions(Clock clock, Argon2Settings passwordHashing, SessionPolicy sessions, String schema) {

  public StoreOptions {
    if (clock == null || passwordHashing == null || sessions == null || schema == null) {
      throw new IllegalArgumentException("store options must not be null");
    }
  }

  /** System clock, OWASP Argon2id parameters, default session policy, default schema. */
  public static StoreOptions defaults() {
    return new StoreOptions(System::currentTimeMillis, Argon2Settings.OWASP, SessionPolicy.DEFAULTS, "");
  }

  public StoreOptions withClock(Clock newClock) {
    return new StoreOptions(newClock, passwordHashing, sessions, schema);
  }

  public StoreOptions withPasswordHashing(Argon2Settings settings) {
    return new StoreOptions(clock, settings, sessions, schema);
  }

  public StoreOptions withSessions(SessionPolicy policy) {
    return new StoreOptions(clock, passwordHashing, policy, schema);
  }

  public StoreOptions withSchema(String newSchema) {
    return new StoreOptions(clock, passwordHashing, sessions, newSchema);
  }
}
