package io.senchat.store.user;

import io.senchat.domain.user.SystemRole;
import io.senchat.domain.user.UserId;
import io.senchat.domain.user.UserProfile;
import java.util.Collection;
import java.util.Map;

/** Changes to existing accounts, and last-seen times for presence. */
public interface ProfileStore {

  /** Applies the non-null fields of {@code change}; NOT_FOUND when there is no such account. */
  UserProfile update(UserId id, ProfileChange change);

  /** Grants or withdraws the installation-wide super-admin role. */
  UserProfile setRole(UserId id, SystemRole role);

  /** Records that the user was seen at {@code atMillis}; an older time than the stored one is ignored. */
  void markSeen(UserId id, long atMillis);

  /** Last-seen times of those users that were ever seen. */
  Map<UserId, Long> lastSeen(Collection<UserId> ids);
}
