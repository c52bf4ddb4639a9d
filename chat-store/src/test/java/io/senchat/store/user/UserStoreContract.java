package io.senchat.store.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.senchat.domain.common.ErrorCode;
import io.senchat.domain.user.SystemRole;
import io.senchat.domain.user.UserId;
import io.senchat.domain.user.UserProfile;
import io.senchat.store.testing.StoreContract;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Contract of {@link UserStore} and {@link ProfileStore}. */
public abstract class UserStoreContract extends StoreContract {

  @Test
  void registersAndFindsByIdAndUsernameCaseInsensitively() {
    UserProfile alice = store.users().register(new NewUser("  Alice.Nguyen ", "Alice Nguyễn", "correct horse"));
    assertEquals("alice.nguyen", alice.username());
    assertEquals("Alice Nguyễn", alice.displayName());
    assertEquals(SystemRole.USER, alice.role());
    assertEquals(alice, store.users().find(alice.id()).orElseThrow());
    assertEquals(alice, store.users().findByUsername("ALICE.nguyen").orElseThrow());
    assertTrue(store.users().findByUsername("nobody-here").isEmpty());
    assertTrue(store.users().findByUsername("bad name!").isEmpty());
  }

  @Test
  void usernameIsUniqueIgnoringCase() {
    store.users().register(new NewUser("bob-unique", "Bob", "password1"));
    expectCode(ErrorCode.CONFLICT, () -> store.users().register(new NewUser("BOB-Unique", "Bob 2", "password2")));
  }

  @Test
  void rejectsMalformedUsernamesAndPasswords() {
    expectCode(ErrorCode.VALIDATION, () -> store.users().register(new NewUser("has space", "X", "password1")));
    expectCode(ErrorCode.VALIDATION, () -> store.users().register(new NewUser("", "X", "password1")));
    expectCode(ErrorCode.VALIDATION, () -> store.users().register(new NewUser("short-pw", "X", "1234")));
    expectCode(ErrorCode.VALIDATION, () -> store.users().register(new NewUser("no-name", " ", "password1")));
    assertTrue(store.users().findByUsername("short-pw").isEmpty(), "nothing half-registered");
  }

  @Test
  void searchesByUsernameOrDisplayNamePrefixWithBoundedLimit() {
    String tag = "srch" + System.nanoTime() % 100000;
    UserProfile exact = store.users().register(new NewUser(tag, "Zed", "password1"));
    UserProfile byName = store.users().register(new NewUser(tag + "-2", "Someone", "password1"));
    UserProfile byDisplay = store.users().register(new NewUser("other-" + tag, tag.toUpperCase() + " Tran", "password1"));
    store.users().register(new NewUser("unrelated-" + tag, "Nobody", "password1"));

    List<UserProfile> found = store.users().search(tag.toUpperCase(), 10);
    assertEquals(exact, found.get(0), "exact username first");
    assertEquals(Set.of(exact.id(), byName.id(), byDisplay.id()),
        found.stream().map(UserProfile::id).collect(Collectors.toSet()));
    assertEquals(1, store.users().search(tag, 1).size());
    assertTrue(store.users().search(tag, 10_000).size() <= 50);
    expectCode(ErrorCode.VALIDATION, () -> store.users().search(tag, 0));
    assertTrue(store.users().search("", 10).isEmpty());
  }

  @Test
  void searchTreatsLikeWildcardsLiterally() {
    store.users().register(new NewUser("pct_user" + System.nanoTime() % 1000, "100% real", "password1"));
    assertTrue(store.users().search("%", 50).stream().allMatch(u -> u.displayName().startsWith("%")
        || u.username().startsWith("%")));
    assertFalse(store.users().search("100%", 10).isEmpty());
  }

  @Test
  void updatesProfileFieldsSelectively() {
    UserId id = newUser();
    UserProfile before = store.users().find(id).orElseThrow();
    UserProfile after = store.profiles().update(id, new ProfileChange(null, "https://cdn/a.png", "busy"));
    assertEquals(before.displayName(), after.displayName());
    assertEquals("https://cdn/a.png", after.avatarUrl());
    assertEquals("busy", after.statusText());
    assertEquals("New Name", store.profiles().update(id, ProfileChange.displayName(" New Name ")).displayName());
    expectCode(ErrorCode.NOT_FOUND, () -> store.profiles().update(UserId.of(987_654_321), ProfileChange.displayName("x")));
  }

  @Test
  void grantsSuperAdmin() {
    UserId id = newUser();
    assertEquals(SystemRole.SUPER_ADMIN, store.profiles().setRole(id, SystemRole.SUPER_ADMIN).role());
    assertEquals(SystemRole.SUPER_ADMIN, store.users().find(id).orElseThrow().role());
    assertEquals(SystemRole.USER, store.profiles().setRole(id, SystemRole.USER).role());
  }

  @Test
  void lastSeenOnlyMovesForward() {
    UserId id = newUser();
    UserId never = newUser();
    store.profiles().markSeen(id, 5_000_000);
    store.profiles().markSeen(id, 4_000_000);
    Map<UserId, Long> seen = store.profiles().lastSeen(List.of(id, never));
    assertEquals(Map.of(id, 5_000_000L), seen);
  }

  @Test
  void findsManyAtOnce() {
    List<UserId> ids = newUsers(3);
    assertEquals(Set.copyOf(ids), store.users().findAll(ids).stream().map(UserProfile::id).collect(Collectors.toSet()));
    assertTrue(store.users().findAll(List.of()).isEmpty());
  }
}
