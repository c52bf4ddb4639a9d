package io.senchat.domain.user;

/**
 * What other users may see of an account.
 *
 * @param username unique login handle, lower case
 * @param displayName name shown in the UI
 * @param avatarUrl avatar image, or {@code ""} for none
 * @param statusText a short free-text status, or {@code ""}
 * @param role installation-wide role
 */
public record UserProfile(UserId id, String username, String displayName, String avatarUrl, String statusText,
    SystemRole role) {

  public UserProfile {
    if (id == null || username == null || displayName == null || avatarUrl == null || statusText == null
        || role == null) {
      throw new IllegalArgumentException("user profile fields must not be null");
    }
  }
}
