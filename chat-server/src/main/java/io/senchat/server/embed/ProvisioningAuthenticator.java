package io.senchat.server.embed;

import io.senchat.domain.common.ChatException;
import io.senchat.domain.common.ErrorCode;
import io.senchat.domain.common.Texts;
import io.senchat.domain.rules.Limits;
import io.senchat.domain.rules.UserValidator;
import io.senchat.domain.transport.Handshake;
import io.senchat.domain.transport.Principal;
import io.senchat.domain.user.UserId;
import io.senchat.server.auth.Authenticator;
import io.senchat.store.identity.ExternalAccount;
import io.senchat.store.identity.ExternalIdentityStore;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link Authenticator} over an integrator's {@link ExternalUserResolver}: their user is mapped onto a SenChat user,
 * created on first sight. Known users are cached, so a request costs the hook and no database round trip unless the
 * display name changed.
 */
final class ProvisioningAuthenticator implements Authenticator {

  static final int MAX_CACHED = 10_000;

  private record Known(UserId userId, String displayName) {}

  private final ExternalIdentityStore identities;
  private final String issuer;
  private final ExternalUserResolver resolver;
  private final ConcurrentHashMap<String, Known> known = new ConcurrentHashMap<>();

  ProvisioningAuthenticator(ExternalIdentityStore identities, String issuer, ExternalUserResolver resolver) {
    this.identities = identities;
    this.issuer = issuer;
    this.resolver = resolver;
  }

  @Override
  public Principal authenticate(Handshake handshake) {
    Optional<ExternalUser> user = resolver.resolve(handshake);
    if (user == null || user.isEmpty()) {
      throw new ChatException(ErrorCode.UNAUTHENTICATED, "not logged in");
    }
    return new Principal(provision(user.get()), user.get().deviceId());
  }

  /** The SenChat user of {@code user}, created or renamed as needed. */
  UserId provision(ExternalUser user) {
    String displayName = displayName(user);
    Known cached = known.get(user.externalId());
    if (cached != null && cached.displayName().equals(displayName)) {
      return cached.userId();
    }
    String username = Texts.asciiLowerCase(user.preferredUsername().trim());
    UserId id = identities.provision(new ExternalAccount(issuer, user.externalId(),
        UserValidator.isValidUsername(username) ? username : "", displayName));
    if (known.size() >= MAX_CACHED) {
      // Crude but bounded; the next requests simply repopulate it.
      known.clear();
    }
    known.put(user.externalId(), new Known(id, displayName));
    return id;
  }

  /**
   * The integrator's name made acceptable to SenChat's rules (one line, no control or bidi characters, at most 64
   * characters), rather than refusing every request of a user whose name SenChat would not accept.
   */
  static String displayName(ExternalUser user) {
    StringBuilder clean = new StringBuilder();
    String name = user.displayName();
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      clean.append(Texts.isControl(c) || Texts.isBidiControl(c) ? ' ' : c);
    }
    String stripped = clean.toString().strip();
    if (!Texts.isWellFormed(stripped)) {
      stripped = "";
    }
    if (Texts.codePointCount(stripped) > Limits.MAX_DISPLAY_NAME_CHARS) {
      stripped = stripped.substring(0, stripped.offsetByCodePoints(0, Limits.MAX_DISPLAY_NAME_CHARS)).strip();
    }
    return Texts.isBlank(stripped) ? "User" : stripped;
  }

  @Override
  public String toString() {
    return "ProvisioningAuthenticator[" + issuer + "]";
  }
}
