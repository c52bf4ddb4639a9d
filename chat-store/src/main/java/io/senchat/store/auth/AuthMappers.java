package io.senchat.store.auth;

import io.senchat.domain.user.UserId;
import io.senchat.store.internal.Times;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/** Row mappers of this package, registered on the shared Jdbi. */
final class AuthMappers {

  private AuthMappers() {
  }

  static void register(Jdbi jdbi) {
    jdbi.registerRowMapper(SessionInfo.class, AuthMappers::session);
    jdbi.registerRowMapper(AuthDao.CredentialRow.class,
        (rs, ctx) -> new AuthDao.CredentialRow(rs.getLong("user_id"), rs.getString("password_hash")));
    jdbi.registerRowMapper(AuthDao.TokenRow.class, (RowMapper<AuthDao.TokenRow>) (rs, ctx) ->
        new AuthDao.TokenRow(session(rs, ctx), rs.getBoolean("token_replaced"), Times.millis(rs, "token_expires_at")));
  }

  static SessionInfo session(ResultSet rs, StatementContext ctx) throws SQLException {
    String reason = rs.getString("revoke_reason");
    return new SessionInfo(rs.getLong("id"), UserId.of(rs.getLong("user_id")), rs.getString("device_name"),
        Times.millis(rs, "created_at"), Times.millis(rs, "last_used_at"), Times.millis(rs, "expires_at"),
        Times.millis(rs, "revoked_at"), reason == null ? "" : reason);
  }
}
