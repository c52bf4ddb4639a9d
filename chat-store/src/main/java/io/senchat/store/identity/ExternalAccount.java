package io.senchat.store.identity;

/**
 * A user of an integrator's system, as the integrator describes it.
 *
 * @param issuer names the integrator's user system (1-64 characters), so that two systems' ids never collide
 * @param externalId the user's stable id in that system (1-255 characters)
 * @param preferredUsername SenChat username to use when free and valid, or {@code ""} for a generated one
 * @param displayName name shown in SenChat; kept in step with the integrator's on every provisioning call
 */
public record ExternalAccount(String issuer, String externalId, String preferredUsername, String displayName) {

  public ExternalAccount {
    if (issuer == null || externalId == null || preferredUsername == null || displayName == null) {
      throw new IllegalArgumentException("external account fields must not be null");
    }
    if (issuer.isEmpty() || issuer.length() > 64) {
      throw new IllegalArgumentException("issuer must be 1-64 characters");
    }
    if (externalId.isEmpty() || externalId.length() > 255) {
      throw new IllegalArgumentException("externalId must be 1-255 characters");
    }
  }
}
