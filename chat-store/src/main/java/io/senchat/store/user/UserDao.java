package io.senchat.store.user;

import io.senchat.domain.user.UserProfile;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL for accounts. */
interface UserDao {

  /** A last-seen time. */
  record SeenRow(long userId, long lastSeenMillis) {
  }

  @SqlQuery("""
      INSERT INTO app_user (username, display_name, created_at) VALUES (:username, :displayName, :now)
      RETURNING *
      """)
  UserProfile insert(@Bind("username") String username, @Bind("displayName") String displayName,
      @Bind("now") OffsetDateTime now);

  @SqlUpdate("""
      INSERT INTO user_credential (user_id, password_hash, updated_at) VALUES (:userId, :hash, :now)
      """)
  void insertCredential(@Bind("userId") long userId, @Bind("hash") String hash, @Bind("now") OffsetDateTime now);

  @SqlQuery("SELECT * FROM app_user WHERE id = :id")
  Optional<UserProfile> find(@Bind("id") long id);

  @SqlQuery("SELECT * FROM app_user WHERE username = :username")
  Optional<UserProfile> findByUsername(@Bind("username") String username);

  @SqlQuery("SELECT * FROM app_user WHERE id = ANY(:ids)")
  List<UserProfile> findAll(@Bind("ids") long[] ids);

  // The pattern is a '!'-escaped prefix plus '%'; lower() on both sides keeps case folding in the database.
  @SqlQuery("""
      SELECT * FROM app_user
      WHERE username LIKE lower(:pattern) ESCAPE '!'
         OR lower(display_name) LIKE lower(:pattern) ESCAPE '!'
      ORDER BY username = lower(:exact) DESC, username
      LIMIT :limit
      """)
  List<UserProfile> search(@Bind("pattern") String pattern, @Bind("exact") String exact, @Bind("limit") int limit);

  @SqlQuery("""
      UPDATE app_user SET
        display_name = coalesce(:displayName, display_name),
        avatar_url = coalesce(:avatarUrl, avatar_url),
        status_text = coalesce(:statusText, status_text)
      WHERE id = :id
      RETURNING *
      """)
  Optional<UserProfile> update(@Bind("id") long id, @Bind("displayName") String displayName,
      @Bind("avatarUrl") String avatarUrl, @Bind("statusText") String statusText);

  @SqlQuery("UPDATE app_user SET system_role = :role WHERE id = :id RETURNING *")
  Optional<UserProfile> setRole(@Bind("id") long id, @Bind("role") String role);

  @SqlUpdate("""
      UPDATE app_user SET last_seen_at = :at
      WHERE id = :id AND (last_seen_at IS NULL OR last_seen_at < :at)
      """)
  int markSeen(@Bind("id") long id, @Bind("at") OffsetDateTime at);

  @SqlQuery("""
      SELECT id AS user_id, last_seen_at FROM app_user WHERE id = ANY(:ids) AND last_seen_at IS NOT NULL
      """)
  List<SeenRow> lastSeen(@Bind("ids") long[] ids);
}
