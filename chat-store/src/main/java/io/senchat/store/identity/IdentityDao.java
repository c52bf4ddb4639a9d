package io.senchat.store.identity;

import java.time.OffsetDateTime;
import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL for external identities. */
interface IdentityDao {

  /** A linked user and the display name it has now. */
  record LinkRow(long userId, String displayName) {
  }

  // Serialises provisioning of one external id, so that two first requests cannot create two users; the lock is
  // released at commit.
  @SqlQuery("SELECT pg_advisory_xact_lock(hashtextextended(:issuer || chr(10) || :externalId, 0))::text")
  String lock(@Bind("issuer") String issuer, @Bind("externalId") String externalId);

  @SqlQuery("""
      SELECT e.user_id, u.display_name
      FROM external_identity e JOIN app_user u ON u.id = e.user_id
      WHERE e.issuer = :issuer AND e.external_id = :externalId
      """)
  Optional<LinkRow> find(@Bind("issuer") String issuer, @Bind("externalId") String externalId);

  @SqlQuery("SELECT EXISTS (SELECT 1 FROM app_user WHERE username = :username)")
  boolean usernameTaken(@Bind("username") String username);

  @SqlQuery("""
      INSERT INTO app_user (username, display_name, created_at) VALUES (:username, :displayName, :now)
      RETURNING id
      """)
  long insertUser(@Bind("username") String username, @Bind("displayName") String displayName,
      @Bind("now") OffsetDateTime now);

  @SqlUpdate("""
      INSERT INTO external_identity (issuer, external_id, user_id, created_at)
      VALUES (:issuer, :externalId, :userId, :now)
      """)
  void insertLink(@Bind("issuer") String issuer, @Bind("externalId") String externalId, @Bind("userId") long userId,
      @Bind("now") OffsetDateTime now);

  @SqlUpdate("UPDATE app_user SET display_name = :displayName WHERE id = :id")
  void updateDisplayName(@Bind("id") long id, @Bind("displayName") String displayName);
}
