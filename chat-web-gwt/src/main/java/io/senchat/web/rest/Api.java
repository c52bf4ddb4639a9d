package io.senchat.web.rest;

import io.senchat.domain.protocol.json.JsonObject;
import io.senchat.web.auth.Session;
import io.senchat.web.auth.SessionManager;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * Authorized REST calls: adds the bearer token, refreshes it first when it is about to expire, and once more when the
 * server answers {@code 401}, then retries the call once.
 */
@Singleton
public final class Api {

  /** Told when the session is gone for good and the user must sign in again. */
  public interface SignedOutHandler {
    void onSignedOut();
  }

  private final Http http;
  private final SessionManager sessions;
  private SignedOutHandler signedOut = () -> {};

  @Inject
  Api(Http http, SessionManager sessions) {
    this.http = http;
    this.sessions = sessions;
  }

  public void onSignedOut(SignedOutHandler handler) {
    this.signedOut = handler;
  }

  public void get(String path, ApiCallback callback) {
    call("GET", path, null, callback);
  }

  /** Sends a request; {@code body} may be {@code null}. */
  public void call(String method, String path, JsonObject body, ApiCallback callback) {
    if (sessions.accessTokenStale()) {
      sessions.refresh(ok -> {
        if (ok) {
          attempt(method, path, body, callback, true);
        } else {
          signedOut.onSignedOut();
          callback.onFailure(new ApiError(401, "unauthenticated", "signed out"));
        }
      });
      return;
    }
    attempt(method, path, body, callback, false);
  }

  private void attempt(String method, String path, JsonObject body, ApiCallback callback, boolean refreshed) {
    Session s = sessions.session();
    if (s == null) {
      callback.onFailure(new ApiError(401, "unauthenticated", "signed out"));
      return;
    }
    http.send(method, path, s.accessToken(), body, new ApiCallback() {
      @Override
      public void onSuccess(JsonObject answer) {
        callback.onSuccess(answer);
      }

      @Override
      public void onFailure(ApiError error) {
        if (error.status() != 401 || refreshed) {
          callback.onFailure(error);
          return;
        }
        sessions.refresh(ok -> {
          if (ok) {
            attempt(method, path, body, callback, true);
          } else {
            signedOut.onSignedOut();
            callback.onFailure(error);
          }
        });
      }
    });
  }
}
