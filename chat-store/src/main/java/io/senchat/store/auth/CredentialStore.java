package io.senchat.store.auth;

import io.senchat.domain.user.UserId;
import java.util.Optional;

/** Checks and changes account passwords. */
public interface CredentialStore {

  /**
   * The account whose username and password these are, or empty. Takes about as long for an unknown username as
   * for a wrong password (no user enumeration by timing), and upgrades the stored hash when its parameters are old.
   */
  Optional<UserId> verify(String username, String password);

  /** Replaces the account's password; NOT_FOUND when there is no such account. */
  void changePassword(UserId user, String newPassword);
}
