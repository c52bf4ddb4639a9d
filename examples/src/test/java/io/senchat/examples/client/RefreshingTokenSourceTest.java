package io.senchat.examples.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Refreshing access tokens against the real server, answering on the client's loop. */
class RefreshingTokenSourceTest {

  private final LocalChatServer server = LocalChatServer.shared();
  private final SenChatRest rest = new SenChatRest(HttpClient.newHttpClient(), server.url());

  @Test
  @Timeout(60)
  void tradesTheRefreshTokenForNewTokensOnTheLoop() throws Exception {
    SenChatRest.Session session = rest.register("refresh_a", "refresh-a-password", "Refresh A").join();
    try (JvmClientRuntime loop = new JvmClientRuntime("refresh-test")) {
      RefreshingTokenSource tokens = new RefreshingTokenSource(rest, loop, session, null);
      assertEquals(session.accessToken(), tokens.currentToken());
      CompletableFuture<Boolean> onLoop = refresh(loop, tokens);
      assertTrue(onLoop.get(30, TimeUnit.SECONDS));
      assertNotEquals(session.accessToken(), loop.call(tokens::currentToken));

      // The old refresh token was spent: presenting it again is refused for good.
      CompletionException reused = org.junit.jupiter.api.Assertions.assertThrows(CompletionException.class,
          () -> rest.refresh(session.refreshToken()).join());
      assertEquals(401, ((SenChatRest.RestException) reused.getCause()).status());
    }
  }

  @Test
  @Timeout(60)
  void signsInAgainWhenTheRefreshTokenIsRefusedAndGivesUpWithoutAWay() throws Exception {
    SenChatRest.Session registered = rest.register("refresh_b", "refresh-b-password", "Refresh B").join();
    SenChatRest.Session stale = new SenChatRest.Session(registered.accessToken(), "not-a-refresh-token",
        registered.userId(), registered.username(), registered.displayName());
    try (JvmClientRuntime loop = new JvmClientRuntime("refresh-test")) {
      RefreshingTokenSource withPassword = new RefreshingTokenSource(rest, loop, stale,
          () -> rest.login("refresh_b", "refresh-b-password"));
      assertTrue(refresh(loop, withPassword).get(30, TimeUnit.SECONDS));

      RefreshingTokenSource without = new RefreshingTokenSource(rest, loop, stale, null);
      assertFalse(refresh(loop, without).get(30, TimeUnit.SECONDS));
    }
  }

  /** Asks for a refresh from the loop, as the engine does; fails the future if the answer comes elsewhere. */
  private static CompletableFuture<Boolean> refresh(JvmClientRuntime loop, RefreshingTokenSource tokens) {
    CompletableFuture<Boolean> result = new CompletableFuture<>();
    loop.execute(() -> tokens.refresh(refreshed -> {
      if (loop.onLoop()) {
        result.complete(refreshed);
      } else {
        result.completeExceptionally(new AssertionError("answered off the loop"));
      }
    }));
    return result;
  }
}
