package io.senchat.store.auth;

import io.senchat.domain.common.ChatException;
import io.senchat.domain.common.Clock;
import io.senchat.domain.common.ErrorCode;
import io.senchat.domain.user.UserId;
import io.senchat.store.internal.StoreErrors;
import io.senchat.store.internal.Times;
import io.senchat.store.internal.Usernames;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link CredentialStore} backed by PostgreSQL. */
final class PostgresCredentialStore implements CredentialStore {

  private static final Logger LOG = LoggerFactory.getLogger(PostgresCredentialStore.class);

  private final Jdbi jdbi;
  private final PasswordHasher hasher;
  private final Clock clock;
  // Verified against for unknown usernames so that they cost as much time as a wrong password.
  private final String dummyHash;

  PostgresCredentialStore(Jdbi jdbi, PasswordHasher hasher, Clock clock) {
    this.jdbi = jdbi;
    this.hasher = hasher;
    this.clock = clock;
    this.dummyHash = hasher.hash("not-a-password-of-anyone");
  }

  @Override
  public Optional<UserId> verify(String username, String password) {
    String normalized = Usernames.normalizeOrNull(username);
    Optional<AuthDao.CredentialRow> row = normalized == null ? Optional.empty()
        : StoreErrors.translating(() -> jdbi.withExtension(AuthDao.class, dao -> dao.findCredential(normalized)));
    if (row.isEmpty()) {
      hasher.verify(password == null ? "" : password, dummyHash);
      return Optional.empty();
    }
    String stored = row.get().passwordHash();
    if (!hasher.verify(password, stored)) {
      return Optional.empty();
    }
    if (hasher.needsRehash(stored)) {
      upgrade(row.get().userId(), password);
    }
    return Optional.of(UserId.of(row.get().userId()));
  }

  @Override
  public void changePassword(UserId user, String newPassword) {
    String hash = hasher.hash(newPassword);
    int updated = StoreErrors.translating(() -> jdbi.withExtension(AuthDao.class,
        dao -> dao.updatePasswordHash(user.value(), hash, Times.at(clock.nowMillis()))));
    if (updated == 0) {
      throw new ChatException(ErrorCode.NOT_FOUND, "no account " + user);
    }
  }

  private void upgrade(long userId, String password) {
    try {
      String hash = hasher.hash(password);
      jdbi.useExtension(AuthDao.class, dao -> dao.updatePasswordHash(userId, hash, Times.at(clock.nowMillis())));
    } catch (RuntimeException e) {
      // The login itself succeeded; the upgrade is retried at the next login.
      LOG.warn("Could not upgrade the password hash of user {}", userId, e);
    }
  }
}
