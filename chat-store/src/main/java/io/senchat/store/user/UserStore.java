package io.senchat.store.user;

import io.senchat.domain.user.UserId;
import io.senchat.domain.user.UserProfile;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Registers accounts and finds their public profiles. */
public interface UserStore {

  /** Creates an account with its password; CONFLICT when the username is taken, VALIDATION when it is malformed. */
  UserProfile register(NewUser user);

  Optional<UserProfile> find(UserId id);

  /** The account with this username, compared case-insensitively. */
  Optional<UserProfile> findByUsername(String username);

  /** The profiles of those ids that exist, in no particular order (for member lists). */
  List<UserProfile> findAll(Collection<UserId> ids);

  /** Accounts whose username or display name starts with {@code prefix} (case-insensitive), at most 50. */
  List<UserProfile> search(String prefix, int limit);
}
