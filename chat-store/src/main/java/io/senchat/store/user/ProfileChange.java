package io.senchat.store.user;

/**
 * Changes to a profile; a {@code null} field is left unchanged.
 *
 * @param avatarUrl new avatar, {@code ""} to remove it
 * @param statusText new status, {@code ""} to clear it
 */
public record ProfileChange(String displayName, String avatarUrl, String statusText) {

  /** Only a new display name. */
  public static ProfileChange displayName(String displayName) {
    return new ProfileChange(displayName, null, null);
  }
}
