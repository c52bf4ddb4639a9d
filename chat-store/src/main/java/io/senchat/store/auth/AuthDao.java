package io.senchat.store.auth;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL for credentials, sessions and refresh tokens. */
interface AuthDao {

  /** A stored password hash with its owner. */
  record CredentialRow(long userId, String passwordHash) {
  }

  /** A refresh token joined with its session. */
  record TokenRow(SessionInfo session, boolean replaced, long tokenExpiresAtMillis) {
  }

  @SqlQuery("""
      SELECT u.id AS user_id, c.password_hash
      FROM app_user u JOIN user_credential c ON c.user_id = u.id
      WHERE u.username = :username
      """)
  Optional<CredentialRow> findCredential(@Bind("username") String username);

  @SqlUpdate("""
      UPDATE user_credential SET password_hash = :hash, updated_at = :now WHERE user_id = :userId
      """)
  int updatePasswordHash(@Bind("userId") long userId, @Bind("hash") String hash, @Bind("now") OffsetDateTime now);

  @SqlQuery("""
      INSERT INTO auth_session (user_id, device_name, created_at, last_used_at, expires_at)
      VALUES (:userId, :deviceName, :now, :now, :expiresAt)
      RETURNING *
      """)
  SessionInfo insertSession(@Bind("userId") long userId, @Bind("deviceName") String deviceName,
      @Bind("now") OffsetDateTime now, @Bind("expiresAt") OffsetDateTime expiresAt);

  @SqlUpdate("""
      INSERT INTO refresh_token (token_hash, session_id, issued_at, expires_at)
      VALUES (:hash, :sessionId, :now, :expiresAt)
      """)
  void insertToken(@Bind("hash") byte[] hash, @Bind("sessionId") long sessionId, @Bind("now") OffsetDateTime now,
      @Bind("expiresAt") OffsetDateTime expiresAt);

  // Locks the session row so that two refreshes of one session are serialised: the second sees the first's rotation.
  @SqlQuery("""
      SELECT s.*, t.replaced_at IS NOT NULL AS token_replaced, t.expires_at AS token_expires_at
      FROM refresh_token t JOIN auth_session s ON s.id = t.session_id
      WHERE t.token_hash = :hash
      FOR NO KEY UPDATE OF s
      """)
  Optional<TokenRow> lockToken(@Bind("hash") byte[] hash);

  @SqlUpdate("""
      UPDATE refresh_token SET replaced_at = :now WHERE token_hash = :hash AND replaced_at IS NULL
      """)
  int markReplaced(@Bind("hash") byte[] hash, @Bind("now") OffsetDateTime now);

  @SqlQuery("""
      UPDATE auth_session SET last_used_at = :now WHERE id = :id RETURNING *
      """)
  SessionInfo touchSession(@Bind("id") long sessionId, @Bind("now") OffsetDateTime now);

  @SqlQuery("SELECT * FROM auth_session WHERE id = :id")
  Optional<SessionInfo> findSession(@Bind("id") long sessionId);

  @SqlQuery("""
      SELECT * FROM auth_session
      WHERE user_id = :userId AND revoked_at IS NULL AND expires_at > :now
      ORDER BY last_used_at DESC, id DESC
      """)
  List<SessionInfo> listActive(@Bind("userId") long userId, @Bind("now") OffsetDateTime now);

  @SqlUpdate("""
      UPDATE auth_session SET revoked_at = :now, revoke_reason = :reason
      WHERE id = :id AND user_id = :userId AND revoked_at IS NULL
      """)
  int revoke(@Bind("userId") long userId, @Bind("id") long sessionId, @Bind("reason") String reason,
      @Bind("now") OffsetDateTime now);

  @SqlUpdate("""
      UPDATE auth_session SET revoked_at = :now, revoke_reason = :reason
      WHERE user_id = :userId AND revoked_at IS NULL
      """)
  int revokeAll(@Bind("userId") long userId, @Bind("reason") String reason, @Bind("now") OffsetDateTime now);
}
