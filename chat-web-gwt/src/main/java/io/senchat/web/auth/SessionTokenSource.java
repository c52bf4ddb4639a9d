package io.senchat.web.auth;

import io.senchat.domain.client.AccessTokenSource;
import javax.inject.Inject;

/** Gives the real-time client the current access token and refreshes it through the {@link SessionManager}. */
final class SessionTokenSource implements AccessTokenSource {

  private final SessionManager sessions;

  @Inject
  SessionTokenSource(SessionManager sessions) {
    this.sessions = sessions;
  }

  @Override
  public String currentToken() {
    sessions.reload();
    Session s = sessions.session();
    // hello needs a non-empty token; the server refuses this one and the client reports it.
    return s == null ? "signed-out" : s.accessToken();
  }

  @Override
  public void refresh(RefreshCallback callback) {
    sessions.refresh(callback::onRefreshed);
  }
}
