package io.senchat.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.senchat.server.ApiClient.Session;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server on an external PostgreSQL ({@code --db-url}): {@code CHAT_TEST_PG_URL} (default
 * {@code jdbc:postgresql://127.0.0.1:5432/test}), user {@code CHAT_TEST_PG_USER} (default {@code postgres}),
 * password {@code CHAT_TEST_PG_PASSWORD}. Runs in a schema of its own, dropped afterwards. Skipped loudly when the
 * server is unreachable, unless {@code CHAT_REQUIRE_PG=1}, which makes that a failure.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExternalPostgresTest {

  private static final Logger LOG = LoggerFactory.getLogger(ExternalPostgresTest.class);

  private final String url = System.getenv().getOrDefault("CHAT_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
  private final String user = System.getenv().getOrDefault("CHAT_TEST_PG_USER", "postgres");
  private final String password = System.getenv().getOrDefault("CHAT_TEST_PG_PASSWORD", "");
  private String schema;
  private Path dataDir;
  private ChatServer server;

  @BeforeAll
  void startOnExternalDatabase() throws SQLException {
    byte[] suffix = new byte[4];
    new SecureRandom().nextBytes(suffix);
    schema = "t_server_" + HexFormat.of().formatHex(suffix);
    try (Connection connection = connect()) {
      try (Statement statement = connection.createStatement()) {
        statement.execute("CREATE SCHEMA " + schema);
      }
    } catch (SQLException e) {
      String how = "External PostgreSQL tests need a server at " + url + " (user " + user + "): " + e.getMessage()
          + ". Start one (Debian: apt-get install -y postgresql && pg_ctlcluster 15 main start), or point "
          + "CHAT_TEST_PG_URL / CHAT_TEST_PG_USER / CHAT_TEST_PG_PASSWORD at one.";
      if ("1".equals(System.getenv("CHAT_REQUIRE_PG"))) {
        throw new AssertionError("CHAT_REQUIRE_PG=1 and the external PostgreSQL is unreachable. " + how, e);
      }
      LOG.warn("SKIPPING the server's external PostgreSQL test. {}", how);
      schema = null;
      Assumptions.abort("SKIPPED: external PostgreSQL unreachable (set CHAT_REQUIRE_PG=1 to fail instead). " + how);
    }
    dataDir = TestServers.tempDir("senchat-external");
    String dbUrl = url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    server = ChatServer.start(TestServers.config(dataDir, "--db-url", dbUrl, "--db-user", user,
        "--db-password", password));
  }

  @AfterAll
  void stopAndDropSchema() throws SQLException {
    if (server != null) {
      server.close();
    }
    TestServers.delete(dataDir);
    if (schema != null) {
      try (Connection connection = connect(); Statement statement = connection.createStatement()) {
        statement.execute("DROP SCHEMA " + schema + " CASCADE");
      }
    }
  }

  @Test
  void servesTheApiFromTheExternalDatabase() {
    assertTrue(server.databaseDescription().startsWith("PostgreSQL at " + url), server.databaseDescription());
    assertTrue(!server.databaseDescription().contains("password"), server.databaseDescription());
    ApiClient api = new ApiClient(server.url());
    api.get("/healthz", null).expect(200);
    Session owner = api.register("Owner");
    Session member = api.register("Member");
    long id = api.post("/api/conversations/group", owner.accessToken(), "{\"title\":\"External\",\"memberIds\":["
        + member.userId() + "]}").expect(201).number("conversation.id");
    assertEquals("External", api.get("/api/conversations/" + id, member.accessToken()).expect(200)
        .string("conversation.title"));
    assertEquals(1, api.get("/api/conversations", member.accessToken()).size("conversations"));
  }

  private Connection connect() throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("user", user);
    properties.setProperty("password", password);
    properties.setProperty("connectTimeout", "3");
    return DriverManager.getConnection(url, properties);
  }
}
