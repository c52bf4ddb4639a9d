package io.senchat.store.identity;

import io.senchat.domain.user.UserId;
import java.util.Optional;

/** Maps users of an integrator's system onto SenChat users, creating them on first use. */
public interface ExternalIdentityStore {

  /**
   * The SenChat user linked to {@code account}, created without a password on the first call (concurrent first
   * calls create one user). Later calls update the display name when it changed. VALIDATION when the display name
   * is unacceptable; CONFLICT in the rare case that the chosen username was taken by a concurrent registration.
   */
  UserId provision(ExternalAccount account);

  /** The SenChat user linked to this external id, if provisioned. */
  Optional<UserId> find(String issuer, String externalId);
}
