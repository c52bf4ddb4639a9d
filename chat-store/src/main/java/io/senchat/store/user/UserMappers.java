package io.senchat.store.user;

import io.senchat.domain.user.SystemRole;
import io.senchat.domain.user.UserId;
import io.senchat.domain.user.UserProfile;
import io.senchat.store.internal.Times;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

/** Row mappers of this package, registered on the shared Jdbi. */
final class UserMappers {

  private UserMappers() {
  }

  static void register(Jdbi jdbi) {
    jdbi.registerRowMapper(UserProfile.class, UserMappers::profile);
    jdbi.registerRowMapper(UserDao.SeenRow.class,
        (rs, ctx) -> new UserDao.SeenRow(rs.getLong("user_id"), Times.millis(rs, "last_seen_at")));
  }

  static UserProfile profile(ResultSet rs, StatementContext ctx) throws SQLException {
    return new UserProfile(UserId.of(rs.getLong("id")), rs.getString("username"), rs.getString("display_name"),
        rs.getString("avatar_url"), rs.getString("status_text"), SystemRole.valueOf(rs.getString("system_role")));
  }
}
