package io.senchat.store.identity;

import io.senchat.domain.common.Clock;
import io.senchat.domain.user.UserId;
import io.senchat.store.internal.StoreErrors;
import io.senchat.store.internal.Times;
import io.senchat.store.internal.Usernames;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** {@link ExternalIdentityStore} backed by PostgreSQL. */
final class PostgresExternalIdentityStore implements ExternalIdentityStore {

  private final Jdbi jdbi;
  private final Clock clock;

  PostgresExternalIdentityStore(Jdbi jdbi, Clock clock) {
    this.jdbi = jdbi;
    this.clock = clock;
  }

  @Override
  public UserId provision(ExternalAccount account) {
    String displayName = account.displayName().strip();
    String preferred = Usernames.normalizeOrNull(account.preferredUsername());
    return StoreErrors.translating(() -> jdbi.inTransaction(h -> {
      IdentityDao dao = h.attach(IdentityDao.class);
      dao.lock(account.issuer(), account.externalId());
      Optional<IdentityDao.LinkRow> existing = dao.find(account.issuer(), account.externalId());
      if (existing.isPresent()) {
        IdentityDao.LinkRow link = existing.get();
        if (!link.displayName().equals(displayName)) {
          dao.updateDisplayName(link.userId(), displayName);
        }
        return UserId.of(link.userId());
      }
      String username = preferred != null && !dao.usernameTaken(preferred)
          ? preferred : generatedUsername(account);
      var now = Times.at(clock.nowMillis());
      long userId = dao.insertUser(username, displayName, now);
      dao.insertLink(account.issuer(), account.externalId(), userId, now);
      return UserId.of(userId);
    }));
  }

  @Override
  public Optional<UserId> find(String issuer, String externalId) {
    return StoreErrors.translating(() -> jdbi.withExtension(IdentityDao.class, dao -> dao.find(issuer, externalId)))
        .map(link -> UserId.of(link.userId()));
  }

  /**
   * {@code x} and 15 hex digits of SHA-256 over issuer and id: stable, valid under every username rule, and not
   * revealing the external id (which may be an e-mail address).
   */
  static String generatedUsername(ExternalAccount account) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256")
          .digest((account.issuer() + "\n" + account.externalId()).getBytes(StandardCharsets.UTF_8));
      return "x" + HexFormat.of().formatHex(digest).substring(0, 15);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is unavailable in this JVM", e);
    }
  }
}
