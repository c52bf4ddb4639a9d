package io.senchat.domain.client;

import java.util.ArrayDeque;
import java.util.Deque;

/** Access tokens with scripted refreshes: each refresh takes the next token, or fails when there is none. */
final class TestTokens implements AccessTokenSource {

  private final Deque<String> refreshed = new ArrayDeque<>();
  private String current;
  int refreshes;

  TestTokens(String current, String... refreshedTokens) {
    this.current = current;
    for (String token : refreshedTokens) {
      refreshed.add(token);
    }
  }

  @Override
  public String currentToken() {
    return current;
  }

  @Override
  public void refresh(RefreshCallback callback) {
    refreshes++;
    String next = refreshed.poll();
    if (next != null) {
      current = next;
    }
    callback.onRefreshed(next != null);
  }
}
