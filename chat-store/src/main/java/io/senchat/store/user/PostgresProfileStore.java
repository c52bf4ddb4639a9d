package io.senchat.store.user;

import io.senchat.domain.common.ChatException;
import io.senchat.domain.common.ErrorCode;
import io.senchat.domain.user.SystemRole;
import io.senchat.domain.user.UserId;
import io.senchat.domain.user.UserProfile;
import io.senchat.store.internal.StoreErrors;
import io.senchat.store.internal.Times;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/** {@link ProfileStore} backed by PostgreSQL. */
final class PostgresProfileStore implements ProfileStore {

  private final Jdbi jdbi;

  PostgresProfileStore(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  @Override
  public UserProfile update(UserId id, ProfileChange change) {
    String displayName = change.displayName() == null ? null : change.displayName().strip();
    return StoreErrors.translating(() -> jdbi.withExtension(UserDao.class,
        dao -> dao.update(id.value(), displayName, change.avatarUrl(), change.statusText())))
        .orElseThrow(() -> new ChatException(ErrorCode.NOT_FOUND, "no account " + id));
  }

  @Override
  public UserProfile setRole(UserId id, SystemRole role) {
    return StoreErrors.translating(() -> jdbi.withExtension(UserDao.class, dao -> dao.setRole(id.value(), role.name())))
        .orElseThrow(() -> new ChatException(ErrorCode.NOT_FOUND, "no account " + id));
  }

  @Override
  public void markSeen(UserId id, long atMillis) {
    StoreErrors.translating(() -> jdbi.withExtension(UserDao.class, dao -> dao.markSeen(id.value(), Times.at(atMillis))));
  }

  @Override
  public Map<UserId, Long> lastSeen(Collection<UserId> ids) {
    if (ids.isEmpty()) {
      return Map.of();
    }
    long[] values = ids.stream().mapToLong(UserId::value).distinct().toArray();
    List<UserDao.SeenRow> rows = StoreErrors.translating(() -> jdbi.withExtension(UserDao.class,
        dao -> dao.lastSeen(values)));
    Map<UserId, Long> result = new HashMap<>();
    for (UserDao.SeenRow row : rows) {
      result.put(UserId.of(row.userId()), row.lastSeenMillis());
    }
    return result;
  }
}
