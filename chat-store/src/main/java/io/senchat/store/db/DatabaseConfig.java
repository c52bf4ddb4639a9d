package io.senchat.store.db;

import java.util.Map;
import java.util.Optional;

/**
 * How to reach an external PostgreSQL server.
 *
 * @param jdbcUrl e.g. {@code jdbc:postgresql://127.0.0.1:5432/senchat}
 * @param user database role
 * @param password the role's password, {@code ""} for trust or peer authentication
 * @param poolSize maximum number of pooled connections, at least 2 (the migrations hold two while they run)
 * @param schema schema holding SenChat's tables (created by the migrations), or {@code ""} for the default schema
 */
public record DatabaseConfig(String jdbcUrl, String user, String password, int poolSize, String schema) {

  /** Environment variable naming the JDBC URL of an external server. */
  public static final String ENV_URL = "CHAT_DB_URL";
  /** Environment variable naming the database role. */
  public static final String ENV_USER = "CHAT_DB_USER";
  /** Environment variable holding the role's password. */
  public static final String ENV_PASSWORD = "CHAT_DB_PASSWORD";
  /** Environment variable holding the pool size. */
  public static final String ENV_POOL_SIZE = "CHAT_DB_POOL_SIZE";

  public static final int DEFAULT_POOL_SIZE = 10;

  public DatabaseConfig {
    if (jdbcUrl == null || !jdbcUrl.startsWith("jdbc:postgresql:")) {
      throw new IllegalArgumentException("jdbcUrl must be a jdbc:postgresql: URL, got " + jdbcUrl);
    }
    if (user == null || user.isBlank()) {
      throw new IllegalArgumentException("user must not be blank");
    }
    if (password == null || schema == null) {
      throw new IllegalArgumentException("password and schema must not be null (use \"\")");
    }
    if (poolSize < 2 || poolSize > 1000) {
      throw new IllegalArgumentException("poolSize must be in 2..1000, got " + poolSize);
    }
    if (!schema.isEmpty() && !schema.matches("[a-z_][a-z0-9_]{0,62}")) {
      throw new IllegalArgumentException("schema must be a lower-case SQL identifier, got " + schema);
    }
  }

  /** A config with the default pool size and the default schema. */
  public static DatabaseConfig of(String jdbcUrl, String user, String password) {
    return new DatabaseConfig(jdbcUrl, user, password, DEFAULT_POOL_SIZE, "");
  }

  /** The config described by {@code CHAT_DB_URL}, {@code CHAT_DB_USER}, ... in {@code env}, if the URL is set. */
  public static Optional<DatabaseConfig> fromEnvironment(Map<String, String> env) {
    String url = env.get(ENV_URL);
    if (url == null || url.isBlank()) {
      return Optional.empty();
    }
    String pool = env.get(ENV_POOL_SIZE);
    return Optional.of(new DatabaseConfig(url, env.getOrDefault(ENV_USER, "senchat"),
        env.getOrDefault(ENV_PASSWORD, ""), pool == null ? DEFAULT_POOL_SIZE : Integer.parseInt(pool.trim()), ""));
  }

  public DatabaseConfig withPoolSize(int newPoolSize) {
    return new DatabaseConfig(jdbcUrl, user, password, newPoolSize, schema);
  }

  public DatabaseConfig withSchema(String newSchema) {
    return new DatabaseConfig(jdbcUrl, user, password, poolSize, newSchema);
  }

  @Override
  public String toString() {
    return "DatabaseConfig[jdbcUrl=" + jdbcUrl + ", user=" + user + ", password=" + (password.isEmpty() ? "" : "***")
        + ", poolSize=" + poolSize + ", schema=" + schema + "]";
  }
}
