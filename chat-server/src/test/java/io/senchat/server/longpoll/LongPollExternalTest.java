package io.senchat.server.longpoll;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link LongPollServerContract} on the external PostgreSQL ({@code CHAT_TEST_PG_URL}, user {@code CHAT_TEST_PG_USER},
 * password {@code CHAT_TEST_PG_PASSWORD}), in a schema of its own dropped afterwards. Skipped loudly when
 * unreachable, unless {@code CHAT_REQUIRE_PG=1}, which makes that a failure.
 */
class LongPollExternalTest extends LongPollServerContract {

  private static final Logger LOG = LoggerFactory.getLogger(LongPollExternalTest.class);

  private final String url = System.getenv().getOrDefault("CHAT_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
  private final String user = System.getenv().getOrDefault("CHAT_TEST_PG_USER", "postgres");
  private final String password = System.getenv().getOrDefault("CHAT_TEST_PG_PASSWORD", "");
  private String schema;

  @Override
  protected String[] databaseFlags() {
    byte[] suffix = new byte[4];
    new SecureRandom().nextBytes(suffix);
    schema = "t_longpoll_" + HexFormat.of().formatHex(suffix);
    try (Connection connection = connect(); Statement statement = connection.createStatement()) {
      statement.execute("CREATE SCHEMA " + schema);
    } catch (SQLException e) {
      schema = null;
      String how = "External PostgreSQL tests need a server at " + url + " (user " + user + "): " + e.getMessage()
          + ". Start one, or point CHAT_TEST_PG_URL / CHAT_TEST_PG_USER / CHAT_TEST_PG_PASSWORD at one.";
      if ("1".equals(System.getenv("CHAT_REQUIRE_PG"))) {
        throw new AssertionError("CHAT_REQUIRE_PG=1 and the external PostgreSQL is unreachable. " + how, e);
      }
      LOG.warn("SKIPPING the long-poll external PostgreSQL tests. {}", how);
      Assumptions.abort("SKIPPED: external PostgreSQL unreachable (set CHAT_REQUIRE_PG=1 to fail instead). " + how);
    }
    String dbUrl = url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    return new String[] {"--db-url", dbUrl, "--db-user", user, "--db-password", password};
  }

  @AfterAll
  void dropSchema() throws SQLException {
    if (schema != null) {
      try (Connection connection = connect(); Statement statement = connection.createStatement()) {
        statement.execute("DROP SCHEMA " + schema + " CASCADE");
      }
    }
  }

  private Connection connect() throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("user", user);
    properties.setProperty("password", password);
    properties.setProperty("connectTimeout", "3");
    return DriverManager.getConnection(url, properties);
  }
}
