package io.senchat.store.auth;

import io.senchat.domain.user.UserId;
import java.util.List;
import java.util.Optional;

/** Refresh-token sessions: rotation on every refresh, reuse of a rotated token revokes the whole session. */
public interface SessionStore {

  /** Starts a session for a user who has just proved who they are. */
  IssuedSession open(UserId user, String deviceName);

  /**
   * Exchanges a refresh token for a new one. UNAUTHENTICATED when the token is unknown, expired or its session is
   * revoked or expired; when the token was already rotated, the session is revoked first (theft detection).
   */
  IssuedSession refresh(String refreshToken);

  /** The session, active or not, if it exists. */
  Optional<SessionInfo> find(long sessionId);

  /** The user's active sessions, most recently used first. */
  List<SessionInfo> listActive(UserId user);

  /** Revokes one of the user's sessions (logout); false when it is not theirs or already revoked. */
  boolean revoke(UserId user, long sessionId);

  /** Revokes all of the user's sessions (after a password change or compromise); returns how many. */
  int revokeAll(UserId user);
}
