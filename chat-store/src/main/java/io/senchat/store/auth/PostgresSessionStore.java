package io.senchat.store.auth;

import io.senchat.domain.common.ChatException;
import io.senchat.domain.common.Clock;
import io.senchat.domain.common.ErrorCode;
import io.senchat.domain.user.UserId;
import io.senchat.store.internal.StoreErrors;
import io.senchat.store.internal.Times;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link SessionStore} backed by PostgreSQL; refresh tokens are stored as SHA-256 hashes only. */
final class PostgresSessionStore implements SessionStore {

  private static final Logger LOG = LoggerFactory.getLogger(PostgresSessionStore.class);
  private static final int TOKEN_BYTES = 32;
  private static final int MAX_TOKEN_LENGTH = 128;

  private final Jdbi jdbi;
  private final SessionPolicy policy;
  private final Clock clock;
  private final SecureRandom random;

  PostgresSessionStore(Jdbi jdbi, SessionPolicy policy, Clock clock, SecureRandom random) {
    this.jdbi = jdbi;
    this.policy = policy;
    this.clock = clock;
    this.random = random;
  }

  @Override
  public IssuedSession open(UserId user, String deviceName) {
    String device = deviceName == null ? "" : deviceName.strip();
    if (device.length() > 200) {
      device = device.substring(0, 200);
    }
    String finalDevice = device;
    long now = clock.nowMillis();
    long sessionExpiry = now + policy.sessionMaxAge().toMillis();
    long tokenExpiry = Math.min(now + policy.refreshTokenTtl().toMillis(), sessionExpiry);
    String token = newToken();
    SessionInfo session = StoreErrors.translating(() -> jdbi.inTransaction(
        h -> {
          AuthDao dao = h.attach(AuthDao.class);
          SessionInfo created = dao.insertSession(user.value(), finalDevice, Times.at(now), Times.at(sessionExpiry));
          dao.insertToken(sha256(token), created.id(), Times.at(now), Times.at(tokenExpiry));
          return created;
        }));
    return new IssuedSession(session, token, tokenExpiry);
  }

  @Override
  public IssuedSession refresh(String refreshToken) {
    if (refreshToken == null || refreshToken.isEmpty() || refreshToken.length() > MAX_TOKEN_LENGTH) {
      throw new ChatException(ErrorCode.UNAUTHENTICATED, "invalid refresh token");
    }
    byte[] presented = sha256(refreshToken);
    String next = newToken();
    long now = clock.nowMillis();
    Refreshed outcome = StoreErrors.translating(() -> jdbi.inTransaction(
        h -> {
          AuthDao dao = h.attach(AuthDao.class);
          Optional<AuthDao.TokenRow> found = dao.lockToken(presented);
          if (found.isEmpty()) {
            return Refreshed.failure("unknown refresh token");
          }
          SessionInfo session = found.get().session();
          if (session.revokedAtMillis() != 0) {
            return Refreshed.failure("session revoked");
          }
          if (!found.get().replaced() && (session.expiresAtMillis() <= now
              || found.get().tokenExpiresAtMillis() <= now)) {
            return Refreshed.failure("refresh token expired");
          }
          // The join row may predate a concurrent rotation we waited for, so the conditional update decides.
          if (found.get().replaced() || dao.markReplaced(presented, Times.at(now)) == 0) {
            // A rotated token came back: either the client or a thief holds a copy. Revoking the session
            // logs out both; the legitimate user signs in again, the thief cannot.
            dao.revoke(session.userId().value(), session.id(), SessionInfo.REUSE_DETECTED, Times.at(now));
            return Refreshed.theft(session);
          }
          long tokenExpiry = Math.min(now + policy.refreshTokenTtl().toMillis(), session.expiresAtMillis());
          dao.insertToken(sha256(next), session.id(), Times.at(now), Times.at(tokenExpiry));
          SessionInfo touched = dao.touchSession(session.id(), Times.at(now));
          return Refreshed.success(new IssuedSession(touched, next, tokenExpiry));
        }));
    if (outcome.theftOf() != null) {
      LOG.warn("Refresh token reuse on session {} of user {}: session revoked", outcome.theftOf().id(),
          outcome.theftOf().userId());
      throw new ChatException(ErrorCode.UNAUTHENTICATED, "refresh token reused; session revoked");
    }
    if (outcome.issued() == null) {
      throw new ChatException(ErrorCode.UNAUTHENTICATED, outcome.failure());
    }
    return outcome.issued();
  }

  @Override
  public Optional<SessionInfo> find(long sessionId) {
    return StoreErrors.translating(() -> jdbi.withExtension(AuthDao.class, dao -> dao.findSession(sessionId)));
  }

  @Override
  public List<SessionInfo> listActive(UserId user) {
    return StoreErrors.translating(() -> jdbi.withExtension(AuthDao.class,
        dao -> dao.listActive(user.value(), Times.at(clock.nowMillis()))));
  }

  @Override
  public boolean revoke(UserId user, long sessionId) {
    return StoreErrors.translating(() -> jdbi.withExtension(AuthDao.class,
        dao -> dao.revoke(user.value(), sessionId, "LOGOUT", Times.at(clock.nowMillis())))) > 0;
  }

  @Override
  public int revokeAll(UserId user) {
    return StoreErrors.translating(() -> jdbi.withExtension(AuthDao.class,
        dao -> dao.revokeAll(user.value(), "REVOKED_ALL", Times.at(clock.nowMillis()))));
  }

  private String newToken() {
    byte[] bytes = new byte[TOKEN_BYTES];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static byte[] sha256(String token) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  /** What a refresh transaction decided; theft must be committed before the caller is told. */
  private record Refreshed(IssuedSession issued, String failure, SessionInfo theftOf) {

    static Refreshed success(IssuedSession issued) {
      return new Refreshed(issued, null, null);
    }

    static Refreshed failure(String why) {
      return new Refreshed(null, why, null);
    }

    static Refreshed theft(SessionInfo session) {
      return new Refreshed(null, "refresh token reused", session);
    }
  }
}
