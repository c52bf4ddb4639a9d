package io.senchat.domain.client;

/** Supplies the access token the client presents, and refreshes it when the server refuses it. */
public interface AccessTokenSource {

  /** Told whether a refresh produced a new token. */
  @FunctionalInterface
  interface RefreshCallback {

    /** Called once, on the event loop; after {@code true}, {@link #currentToken()} returns the new token. */
    void onRefreshed(boolean refreshed);
  }

  /** The token to present now. */
  String currentToken();

  /**
   * Obtains a new token (e.g. with a refresh token over HTTP), then calls back; may call back before returning. The
   * client asks once per refusal and gives up when the new token is refused as well. Answer {@code false} only when
   * the user must sign in again: retry transient failures (the auth server unreachable) before answering, because
   * {@code false} makes the client give up.
   */
  void refresh(RefreshCallback callback);

  /** A token that never changes and cannot be refreshed: bots with long-lived tokens, tests. */
  static AccessTokenSource fixed(String token) {
    return new AccessTokenSource() {
      @Override
      public String currentToken() {
        return token;
      }

      @Override
      public void refresh(RefreshCallback callback) {
        callback.onRefreshed(false);
      }
    };
  }
}
