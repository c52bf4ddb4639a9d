package io.senchat.store.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.senchat.domain.common.ErrorCode;
import io.senchat.domain.user.UserId;
import io.senchat.domain.user.UserProfile;
import io.senchat.store.testing.StoreContract;
import io.senchat.store.user.NewUser;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Contract of {@link CredentialStore} and {@link SessionStore}. */
public abstract class AuthContract extends StoreContract {

  @Test
  void verifiesPasswords() {
    UserProfile user = store.users().register(new NewUser("carol-auth", "Carol", "s3cret-pass"));
    assertEquals(user.id(), store.credentials().verify("CAROL-auth", "s3cret-pass").orElseThrow());
    assertTrue(store.credentials().verify("carol-auth", "wrong-pass").isEmpty());
    assertTrue(store.credentials().verify("nobody-at-all", "s3cret-pass").isEmpty());
    assertTrue(store.credentials().verify("bad name!", "s3cret-pass").isEmpty());
  }

  @Test
  void storesArgon2idPhcHashesOnly() {
    UserProfile user = store.users().register(new NewUser("dave-auth", "Dave", "plain-text-pw"));
    String stored = jdbi.withHandle(h -> h.createQuery("SELECT password_hash FROM user_credential WHERE user_id = :id")
        .bind("id", user.id().value()).mapTo(String.class).one());
    assertTrue(stored.startsWith("$argon2id$v=19$m=64,t=1,p=1$"), stored);
    assertFalse(stored.contains("plain-text-pw"));
  }

  @Test
  void upgradesOldHashesAtLogin() {
    UserProfile user = store.users().register(new NewUser("erin-auth", "Erin", "old-params-pw"));
    PasswordHasher stronger = PasswordHasher.argon2id(new Argon2Settings(128, 2, 1, 16, 32));
    CredentialStore upgraded = AuthModule.credentialStore(jdbi, stronger, clock);
    assertEquals(user.id(), upgraded.verify("erin-auth", "old-params-pw").orElseThrow());
    String stored = jdbi.withHandle(h -> h.createQuery("SELECT password_hash FROM user_credential WHERE user_id = :id")
        .bind("id", user.id().value()).mapTo(String.class).one());
    assertTrue(stored.contains("m=128,t=2,p=1"), stored);
    assertEquals(user.id(), upgraded.verify("erin-auth", "old-params-pw").orElseThrow());
  }

  @Test
  void changesPasswords() {
    UserProfile user = store.users().register(new NewUser("frank-auth", "Frank", "first-password"));
    store.credentials().changePassword(user.id(), "second-password");
    assertTrue(store.credentials().verify("frank-auth", "first-password").isEmpty());
    assertEquals(user.id(), store.credentials().verify("frank-auth", "second-password").orElseThrow());
    expectCode(ErrorCode.VALIDATION, () -> store.credentials().changePassword(user.id(), "short"));
    expectCode(ErrorCode.NOT_FOUND, () -> store.credentials().changePassword(UserId.of(999_999_999), "long-enough"));
  }

  @Test
  void refreshRotatesTheToken() {
    UserId user = newUser();
    IssuedSession first = store.sessions().open(user, "Pixel 8");
    assertTrue(first.refreshToken().matches("[A-Za-z0-9_-]{43}"), "256 bits, base64url");
    IssuedSession second = store.sessions().refresh(first.refreshToken());
    assertNotEquals(first.refreshToken(), second.refreshToken());
    assertEquals(first.session().id(), second.session().id());
    IssuedSession third = store.sessions().refresh(second.refreshToken());
    assertEquals(first.session().id(), third.session().id());
    assertTrue(store.sessions().find(first.session().id()).orElseThrow().isActiveAt(clock.nowMillis()));
  }

  @Test
  void storesOnlySha256OfTokens() throws Exception {
    IssuedSession issued = store.sessions().open(newUser(), "web");
    byte[] expected = MessageDigest.getInstance("SHA-256")
        .digest(issued.refreshToken().getBytes(StandardCharsets.US_ASCII));
    List<String> hashes = jdbi.withHandle(h -> h.createQuery(
            "SELECT encode(token_hash, 'hex') FROM refresh_token WHERE session_id = :id")
        .bind("id", issued.session().id()).mapTo(String.class).list());
    assertEquals(List.of(HexFormat.of().formatHex(expected)), hashes);
  }

  @Test
  void reusingARotatedTokenRevokesTheSession() {
    UserId user = newUser();
    IssuedSession stolen = store.sessions().open(user, "laptop");
    IssuedSession legit = store.sessions().refresh(stolen.refreshToken());
    expectCode(ErrorCode.UNAUTHENTICATED, () -> store.sessions().refresh(stolen.refreshToken()));
    SessionInfo session = store.sessions().find(stolen.session().id()).orElseThrow();
    assertEquals(SessionInfo.REUSE_DETECTED, session.revokeReason());
    assertFalse(session.isActiveAt(clock.nowMillis()));
    expectCode(ErrorCode.UNAUTHENTICATED, () -> store.sessions().refresh(legit.refreshToken()));
  }

  @Test
  void concurrentRefreshesWithOneTokenLetAtMostOneWin() {
    IssuedSession issued = store.sessions().open(newUser(), "tablet");
    var a = CompletableFuture.supplyAsync(() -> tryRefresh(issued.refreshToken()));
    var b = CompletableFuture.supplyAsync(() -> tryRefresh(issued.refreshToken()));
    int wins = (a.join() ? 1 : 0) + (b.join() ? 1 : 0);
    assertTrue(wins <= 1, "one token cannot be rotated twice");
  }

  private boolean tryRefresh(String token) {
    try {
      store.sessions().refresh(token);
      return true;
    } catch (RuntimeException e) {
      return false;
    }
  }

  @Test
  void logoutRevokesAndUnknownTokensFail() {
    UserId user = newUser();
    IssuedSession issued = store.sessions().open(user, "phone");
    assertFalse(store.sessions().revoke(newUser(), issued.session().id()), "not someone else's session");
    assertTrue(store.sessions().revoke(user, issued.session().id()));
    assertFalse(store.sessions().revoke(user, issued.session().id()), "already revoked");
    expectCode(ErrorCode.UNAUTHENTICATED, () -> store.sessions().refresh(issued.refreshToken()));
    expectCode(ErrorCode.UNAUTHENTICATED, () -> store.sessions().refresh("not-a-token"));
    expectCode(ErrorCode.UNAUTHENTICATED, () -> store.sessions().refresh(""));
  }

  @Test
  void refreshTokensExpire() {
    UserId user = newUser();
    SessionStore shortLived = AuthModule.sessionStore(jdbi,
        new SessionPolicy(Duration.ofMinutes(10), Duration.ofHours(1)), clock);
    IssuedSession issued = shortLived.open(user, "phone");
    clock.advanceMillis(Duration.ofMinutes(11).toMillis());
    expectCode(ErrorCode.UNAUTHENTICATED, () -> shortLived.refresh(issued.refreshToken()));

    IssuedSession other = shortLived.open(user, "phone");
    for (int i = 0; i < 5; i++) {
      clock.advanceMillis(Duration.ofMinutes(9).toMillis());
      other = shortLived.refresh(other.refreshToken());
    }
    clock.advanceMillis(Duration.ofMinutes(20).toMillis());
    String last = other.refreshToken();
    expectCode(ErrorCode.UNAUTHENTICATED, () -> shortLived.refresh(last));
  }

  @Test
  void listsAndRevokesAllActiveSessions() {
    UserId user = newUser();
    IssuedSession a = store.sessions().open(user, "a");
    IssuedSession b = store.sessions().open(user, "b");
    store.sessions().refresh(a.refreshToken());
    List<SessionInfo> active = store.sessions().listActive(user);
    assertEquals(List.of(a.session().id(), b.session().id()), active.stream().map(SessionInfo::id).toList());
    assertEquals(2, store.sessions().revokeAll(user));
    assertTrue(store.sessions().listActive(user).isEmpty());
    expectCode(ErrorCode.UNAUTHENTICATED, () -> store.sessions().refresh(b.refreshToken()));
  }
}
