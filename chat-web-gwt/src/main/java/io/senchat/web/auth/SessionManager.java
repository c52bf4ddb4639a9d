package io.senchat.web.auth;

import elemental2.core.JsDate;
import io.senchat.domain.client.Scheduler;
import io.senchat.domain.protocol.json.JsonObject;
import io.senchat.domain.user.UserProfile;
import io.senchat.web.platform.Ids;
import io.senchat.web.platform.KeyValueStore;
import io.senchat.web.rest.ApiCallback;
import io.senchat.web.rest.ApiError;
import io.senchat.web.rest.Http;
import java.util.ArrayList;
import java.util.List;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * Owns the tokens: signs in and out, keeps the session in localStorage, and refreshes the access token.
 *
 * <p>Refresh tokens rotate and a reused one revokes the whole session, so two tabs must never refresh with the same
 * token. Before refreshing, a tab re-reads storage (another tab may have refreshed already) and takes a short lease
 * in storage; a tab that finds a foreign lease waits and re-reads instead of refreshing.
 */
@Singleton
public final class SessionManager {

  /** Receives the result of a refresh. */
  public interface RefreshCallback {
    void onRefreshed(boolean ok);
  }

  static final String KEY_SESSION = "session";
  private static final String KEY_LEASE = "refresh-lease";
  private static final String KEY_DEVICE = "device-id";
  private static final long LEASE_MILLIS = 10_000;
  private static final long EARLY_REFRESH_MILLIS = 60_000;
  private static final int MAX_WAITING_CALLBACKS = 64;

  private final KeyValueStore storage;
  private final Http http;
  private final Scheduler scheduler;
  private final String tabId = Ids.random("tab-", 10);
  private final List<RefreshCallback> waiting = new ArrayList<>();
  private Session session;
  private boolean refreshing;

  @Inject
  SessionManager(KeyValueStore storage, Http http, Scheduler scheduler) {
    this.storage = storage;
    this.http = http;
    this.scheduler = scheduler;
    this.session = Session.fromStorage(storage.get(KEY_SESSION));
  }

  /** The current session, or {@code null} when signed out. */
  public Session session() {
    return session;
  }

  /** A stable id of this browser, carried in the access token and {@code hello}. */
  public String deviceId() {
    String id = storage.get(KEY_DEVICE);
    if (id == null || id.isEmpty()) {
      id = Ids.random("web-", 12);
      storage.put(KEY_DEVICE, id);
    }
    return id;
  }

  /** Logs in (or registers when {@code displayName} is not {@code null}). */
  public void signIn(String username, String password, String displayName, ApiCallback callback) {
    JsonObject.Builder body = JsonObject.builder()
        .put("username", username)
        .put("password", password)
        .put("deviceId", deviceId())
        .put("deviceName", "SenChat web");
    if (displayName != null) {
      body.put("displayName", displayName);
    }
    http.send("POST", displayName != null ? "api/auth/register" : "api/auth/login", null, body.build(),
        new ApiCallback() {
          @Override
          public void onSuccess(JsonObject answer) {
            Session s = Session.fromJson(answer);
            if (s == null) {
              callback.onFailure(new ApiError(200, "bad_frame", "no session in the answer"));
              return;
            }
            adopt(s);
            callback.onSuccess(answer);
          }

          @Override
          public void onFailure(ApiError error) {
            callback.onFailure(error);
          }
        });
  }

  /** Ends the session on the server (best effort) and forgets it here. */
  public void signOut() {
    Session s = session;
    forget();
    if (s != null) {
      http.send("POST", "api/auth/logout", s.accessToken(), null, body -> {});
    }
  }

  /** Forgets the session locally, e.g. when another tab signed out. */
  public void forget() {
    session = null;
    storage.remove(KEY_SESSION);
  }

  /** Remembers the signed-in user's profile with the session. */
  public void setUser(UserProfile user) {
    if (session != null) {
      session = session.withUser(user);
      storage.put(KEY_SESSION, session.toStorage());
    }
  }

  /** Re-reads storage: another tab may have refreshed or signed out. Returns whether the tokens changed. */
  public boolean reload() {
    Session stored = Session.fromStorage(storage.get(KEY_SESSION));
    String before = session == null ? null : session.accessToken();
    String after = stored == null ? null : stored.accessToken();
    if (before == null ? after == null : before.equals(after)) {
      return false;
    }
    UserProfile user = session == null ? null : session.user();
    session = stored == null ? null : stored.user() != null || user == null ? stored : stored.withUser(user);
    return true;
  }

  /** Whether the access token expires within a minute, so a call should refresh first. */
  public boolean accessTokenStale() {
    return session != null && session.accessExpiresAtMillis() - EARLY_REFRESH_MILLIS < JsDate.now();
  }

  /**
   * Obtains a new access token. Answers {@code false} only when the user must sign in again; transient failures are
   * retried with a delay first.
   */
  public void refresh(RefreshCallback callback) {
    if (waiting.size() < MAX_WAITING_CALLBACKS) {
      waiting.add(callback);
    } else {
      scheduler.schedule(0, () -> callback.onRefreshed(false));
    }
    if (!refreshing) {
      refreshing = true;
      attempt(session == null ? null : session.accessToken(), 0);
    }
  }

  private void attempt(String staleAccessToken, int tries) {
    reload();
    if (session == null) {
      finish(false);
      return;
    }
    if (staleAccessToken != null && !staleAccessToken.equals(session.accessToken()) && !accessTokenStale()) {
      // Another tab refreshed meanwhile: its tokens are ours too.
      finish(true);
      return;
    }
    String lease = storage.get(KEY_LEASE);
    long now = (long) JsDate.now();
    if (lease != null && !lease.startsWith(tabId + "@") && leaseUntil(lease) > now && tries < 20) {
      scheduler.schedule(500, () -> attempt(staleAccessToken, tries + 1));
      return;
    }
    storage.put(KEY_LEASE, tabId + "@" + (now + LEASE_MILLIS));
    Session current = session;
    JsonObject body = JsonObject.builder()
        .put("refreshToken", current.refreshToken())
        .put("deviceId", deviceId())
        .build();
    http.send("POST", "api/auth/refresh", null, body, new ApiCallback() {
      @Override
      public void onSuccess(JsonObject answer) {
        storage.remove(KEY_LEASE);
        Session s = Session.fromJson(answer);
        if (s == null) {
          forget();
          finish(false);
          return;
        }
        adopt(s.user() == null && current.user() != null ? s.withUser(current.user()) : s);
        finish(true);
      }

      @Override
      public void onFailure(ApiError error) {
        storage.remove(KEY_LEASE);
        if (error.transientFailure() && tries < 30) {
          scheduler.schedule(Math.min(30_000, 1000L << Math.min(tries, 5)),
              () -> attempt(staleAccessToken, tries + 1));
          return;
        }
        forget();
        finish(false);
      }
    });
  }

  private static long leaseUntil(String lease) {
    int at = lease.indexOf('@');
    try {
      return at < 0 ? 0 : Long.parseLong(lease.substring(at + 1));
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private void finish(boolean ok) {
    refreshing = false;
    List<RefreshCallback> callbacks = new ArrayList<>(waiting);
    waiting.clear();
    for (RefreshCallback c : callbacks) {
      c.onRefreshed(ok);
    }
  }

  private void adopt(Session s) {
    session = s;
    storage.put(KEY_SESSION, s.toStorage());
  }
}
