package io.senchat.store.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.senchat.domain.user.UserId;
import io.senchat.domain.user.UserProfile;
import io.senchat.store.testing.StoreContract;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Contract of {@link ExternalIdentityStore}. */
public abstract class ExternalIdentityContract extends StoreContract {

  private ExternalIdentityStore identities() {
    return IdentityModule.externalIdentityStore(jdbi, clock);
  }

  @Test
  void firstCallCreatesAPasswordlessUserLaterCallsFindItAndFollowTheDisplayName() {
    UserId first = identities().provision(new ExternalAccount("acme", "emp-1", "Lan.Tran", "Lan Trần"));
    UserProfile profile = store.users().find(first).orElseThrow();
    assertEquals("lan.tran", profile.username());
    assertEquals("Lan Trần", profile.displayName());

    UserId again = identities().provision(new ExternalAccount("acme", "emp-1", "other", "Lan T."));
    assertEquals(first, again);
    assertEquals("Lan T.", store.users().find(first).orElseThrow().displayName());
    assertEquals(first, identities().find("acme", "emp-1").orElseThrow());
    assertTrue(store.credentials().verify("lan.tran", "").isEmpty());
  }

  @Test
  void issuersAreSeparateAndTakenOrMissingUsernamesAreGenerated() {
    UserId a = identities().provision(new ExternalAccount("one", "7", "same-name", "A"));
    UserId b = identities().provision(new ExternalAccount("two", "7", "same-name", "B"));
    UserId c = identities().provision(new ExternalAccount("two", "someone@example.com", "", "C"));
    assertNotEquals(a, b);
    assertTrue(store.users().find(b).orElseThrow().username().matches("x[0-9a-f]{15}"));
    assertTrue(store.users().find(c).orElseThrow().username().matches("x[0-9a-f]{15}"));
    assertTrue(identities().find("three", "7").isEmpty());
  }

  @Test
  void concurrentFirstCallsCreateOneUser() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<UserId>> calls = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        calls.add(pool.submit(() -> identities().provision(new ExternalAccount("race", "r-1", "", "Racer"))));
      }
      Set<UserId> ids = new HashSet<>();
      for (Future<UserId> call : calls) {
        ids.add(call.get());
      }
      assertEquals(1, ids.size());
    } finally {
      pool.shutdown();
    }
  }
}
