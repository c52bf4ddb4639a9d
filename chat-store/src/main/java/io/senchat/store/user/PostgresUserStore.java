package io.senchat.store.user;

import io.senchat.domain.common.Clock;
import io.senchat.domain.user.UserId;
import io.senchat.domain.user.UserProfile;
import io.senchat.store.auth.PasswordHasher;
import io.senchat.store.internal.Pages;
import io.senchat.store.internal.StoreErrors;
import io.senchat.store.internal.Times;
import io.senchat.store.internal.Usernames;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** {@link UserStore} backed by PostgreSQL. */
final class PostgresUserStore implements UserStore {

  static final int MAX_SEARCH_RESULTS = 50;

  private final Jdbi jdbi;
  private final PasswordHasher hasher;
  private final Clock clock;

  PostgresUserStore(Jdbi jdbi, PasswordHasher hasher, Clock clock) {
    this.jdbi = jdbi;
    this.hasher = hasher;
    this.clock = clock;
  }

  @Override
  public UserProfile register(NewUser user) {
    String username = Usernames.normalize(user.username());
    String displayName = user.displayName().strip();
    // Hash outside the transaction: it is the slow part and needs no connection.
    String hash = hasher.hash(user.password());
    return StoreErrors.translating(() -> jdbi.inTransaction(h -> {
      UserDao dao = h.attach(UserDao.class);
      var now = Times.at(clock.nowMillis());
      UserProfile profile = dao.insert(username, displayName, now);
      dao.insertCredential(profile.id().value(), hash, now);
      return profile;
    }));
  }

  @Override
  public Optional<UserProfile> find(UserId id) {
    return StoreErrors.translating(() -> jdbi.withExtension(UserDao.class, dao -> dao.find(id.value())));
  }

  @Override
  public Optional<UserProfile> findByUsername(String username) {
    String normalized = Usernames.normalizeOrNull(username);
    if (normalized == null) {
      return Optional.empty();
    }
    return StoreErrors.translating(() -> jdbi.withExtension(UserDao.class, dao -> dao.findByUsername(normalized)));
  }

  @Override
  public List<UserProfile> findAll(Collection<UserId> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    long[] values = ids.stream().mapToLong(UserId::value).distinct().toArray();
    return StoreErrors.translating(() -> jdbi.withExtension(UserDao.class, dao -> dao.findAll(values)));
  }

  @Override
  public List<UserProfile> search(String prefix, int limit) {
    int bounded = Pages.limit(limit, MAX_SEARCH_RESULTS);
    String trimmed = prefix == null ? "" : prefix.strip();
    if (trimmed.isEmpty()) {
      return List.of();
    }
    String pattern = escapeLike(trimmed) + "%";
    return StoreErrors.translating(() -> jdbi.withExtension(UserDao.class,
        dao -> dao.search(pattern, trimmed, bounded)));
  }

  /** Escapes LIKE's wildcards so that user input is matched literally. */
  private static String escapeLike(String text) {
    StringBuilder out = new StringBuilder(text.length() + 8);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '!' || c == '%' || c == '_') {
        out.append('!');
      }
      out.append(c);
    }
    return out.toString();
  }
}
