package io.senchat.store.testing;

import io.senchat.store.db.DatabaseConfig;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import org.junit.jupiter.api.Assumptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The external server named by {@code CHAT_TEST_PG_URL} (default {@code jdbc:postgresql://127.0.0.1:5432/test}, user
 * {@code CHAT_TEST_PG_USER} default {@code postgres}, password {@code CHAT_TEST_PG_PASSWORD} default none).
 */
final class ExternalTestDatabase implements TestDatabase {

  static final ExternalTestDatabase INSTANCE = new ExternalTestDatabase();

  private static final Logger LOG = LoggerFactory.getLogger(ExternalTestDatabase.class);

  private final DatabaseConfig config;
  private String unreachable;
  private boolean checked;

  private ExternalTestDatabase() {
    String url = System.getenv().getOrDefault("CHAT_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
    String user = System.getenv().getOrDefault("CHAT_TEST_PG_USER", "postgres");
    String password = System.getenv().getOrDefault("CHAT_TEST_PG_PASSWORD", "");
    this.config = new DatabaseConfig(url, user, password, 4, "");
  }

  @Override
  public synchronized TestSchema newSchema(String label) {
    if (!checked) {
      checked = true;
      unreachable = probe();
    }
    if (unreachable != null) {
      String how = "External PostgreSQL tests need a server at " + config.jdbcUrl() + " (user " + config.user()
          + "): " + unreachable + ". Start one (Debian: apt-get install -y postgresql && pg_ctlcluster 15 main start;"
          + " then allow trust or set CHAT_TEST_PG_PASSWORD), or point CHAT_TEST_PG_URL / CHAT_TEST_PG_USER at one.";
      if ("1".equals(System.getenv("CHAT_REQUIRE_PG"))) {
        throw new AssertionError("CHAT_REQUIRE_PG=1 and the external PostgreSQL is unreachable. " + how);
      }
      LOG.warn("SKIPPING external PostgreSQL contract tests. {}", how);
      Assumptions.abort("SKIPPED: external PostgreSQL unreachable (set CHAT_REQUIRE_PG=1 to fail instead). " + how);
    }
    return TestSchema.create(config, label);
  }

  @Override
  public String name() {
    return "external";
  }

  private String probe() {
    Properties properties = new Properties();
    properties.setProperty("user", config.user());
    properties.setProperty("password", config.password());
    properties.setProperty("connectTimeout", "3");
    properties.setProperty("loginTimeout", "5");
    try (Connection connection = DriverManager.getConnection(config.jdbcUrl(), properties)) {
      return connection.isValid(5) ? null : "connection is not valid";
    } catch (SQLException e) {
      return e.getMessage();
    }
  }
}
