package io.senchat.server.embed;

/**
 * A user of the integrator's application, as their authentication hook describes them.
 *
 * @param externalId the user's stable id in the integrator's system (1-255 characters); never shown to others
 * @param displayName the name SenChat shows; kept in step with the integrator's
 * @param preferredUsername SenChat username to give the user on first sight when free and valid ({@code [a-z0-9_.]},
 *     3-32 characters), else {@code ""} for a generated one
 * @param deviceId the calling device or browser tab, if the integrator tells them apart, else {@code ""}
 */
public record ExternalUser(String externalId, String displayName, String preferredUsername, String deviceId) {

  public ExternalUser {
    if (externalId == null || displayName == null || preferredUsername == null || deviceId == null) {
      throw new IllegalArgumentException("external user fields must not be null");
    }
    if (externalId.isEmpty() || externalId.length() > 255) {
      throw new IllegalArgumentException("externalId must be 1-255 characters");
    }
  }

  /** A user known by id and name only. */
  public static ExternalUser of(String externalId, String displayName) {
    return new ExternalUser(externalId, displayName, "", "");
  }

  /** A copy that asks for this SenChat username. */
  public ExternalUser withPreferredUsername(String username) {
    return new ExternalUser(externalId, displayName, username, deviceId);
  }
}
