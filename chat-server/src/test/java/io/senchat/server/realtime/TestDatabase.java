package io.senchat.server.realtime;

import io.senchat.store.db.DatabaseConfig;
import io.senchat.store.db.EmbeddedDatabase;
import io.senchat.store.db.EmbeddedDatabaseConfig;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import org.junit.jupiter.api.Assumptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL server the real-time tests run against; each test class gets a fresh schema on it. Mirrors
 * chat-store's {@code testing} helpers (not shared: that would need a test-jar of chat-store).
 */
abstract class TestDatabase {

  private static final Logger LOG = LoggerFactory.getLogger(TestDatabase.class);

  /** Connection settings of the server, default schema. */
  abstract DatabaseConfig server();

  abstract String name();

  /** The embedded server shared by every test class of this JVM, started on first use, non-durable for speed. */
  static TestDatabase embedded() {
    return Embedded.INSTANCE;
  }

  /**
   * The external server named by {@code CHAT_TEST_PG_URL} (default {@code jdbc:postgresql://127.0.0.1:5432/test}),
   * user {@code CHAT_TEST_PG_USER} (default {@code postgres}), password {@code CHAT_TEST_PG_PASSWORD} (default none).
   * Unreachable: the test class is skipped with a loud warning, or fails when {@code CHAT_REQUIRE_PG=1}.
   */
  static TestDatabase external() {
    return External.INSTANCE;
  }

  private static final class Embedded extends TestDatabase {

    static final Embedded INSTANCE = new Embedded();

    private EmbeddedDatabase server;

    @Override
    synchronized DatabaseConfig server() {
      if (server == null) {
        server = EmbeddedDatabase.start(EmbeddedDatabaseConfig.temporary());
        EmbeddedDatabase started = server;
        Runtime.getRuntime().addShutdownHook(new Thread(started::close, "embedded-postgres-stop"));
      }
      return server.databaseConfig(16);
    }

    @Override
    String name() {
      return "embedded";
    }
  }

  private static final class External extends TestDatabase {

    static final External INSTANCE = new External();

    private final DatabaseConfig config;
    private String unreachable;
    private boolean checked;

    private External() {
      String url = System.getenv().getOrDefault("CHAT_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
      String user = System.getenv().getOrDefault("CHAT_TEST_PG_USER", "postgres");
      String password = System.getenv().getOrDefault("CHAT_TEST_PG_PASSWORD", "");
      this.config = new DatabaseConfig(url, user, password, 16, "");
    }

    @Override
    synchronized DatabaseConfig server() {
      if (!checked) {
        checked = true;
        unreachable = probe();
      }
      if (unreachable != null) {
        String how = "External PostgreSQL tests need a server at " + config.jdbcUrl() + " (user " + config.user()
            + "): " + unreachable + ". Start one, or point CHAT_TEST_PG_URL / CHAT_TEST_PG_USER at one.";
        if ("1".equals(System.getenv("CHAT_REQUIRE_PG"))) {
          throw new AssertionError("CHAT_REQUIRE_PG=1 and the external PostgreSQL is unreachable. " + how);
        }
        LOG.warn("SKIPPING external PostgreSQL real-time tests. {}", how);
        Assumptions.abort("SKIPPED: external PostgreSQL unreachable (set CHAT_REQUIRE_PG=1 to fail instead). " + how);
      }
      return config;
    }

    @Override
    String name() {
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
}
