package io.senchat.store.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.postgres.PostgresPlugin;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds the connection pool, runs the schema migrations and configures Jdbi. */
public final class Database {

  private static final Logger LOG = LoggerFactory.getLogger(Database.class);

  private Database() {
  }

  /** A HikariCP pool for {@code config}; fails fast (with the cause) when the server cannot be reached. */
  public static HikariDataSource pool(DatabaseConfig config) {
    HikariConfig hikari = new HikariConfig();
    hikari.setPoolName("senchat-db");
    hikari.setJdbcUrl(config.jdbcUrl());
    hikari.setUsername(config.user());
    hikari.setPassword(config.password());
    hikari.setMaximumPoolSize(config.poolSize());
    hikari.setMinimumIdle(Math.min(2, config.poolSize()));
    hikari.setConnectionTimeout(10_000);
    // The stores' locking protocol is written for READ COMMITTED: each statement sees what committed before it.
    hikari.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
    if (!config.schema().isEmpty()) {
      hikari.addDataSourceProperty("currentSchema", config.schema());
    }
    hikari.addDataSourceProperty("ApplicationName", "senchat");
    try {
      return new HikariDataSource(hikari);
    } catch (RuntimeException e) {
      throw new IllegalStateException("Cannot connect to PostgreSQL at " + config.jdbcUrl() + " as " + config.user()
          + ": " + e.getMessage() + ". Check that the server is running and the URL, user and password are right.",
          e);
    }
  }

  /**
   * Brings the schema up to date with the migrations in {@code db/migration}.
   *
   * @param schema the schema to migrate (created when missing), or {@code ""} for the connection's default schema
   */
  public static void migrate(DataSource dataSource, String schema) {
    var flyway = Flyway.configure()
        .dataSource(dataSource)
        .locations("classpath:db/migration")
        .failOnMissingLocations(true);
    if (schema != null && !schema.isEmpty()) {
      flyway.schemas(schema).createSchemas(true);
    }
    MigrateResult result = flyway.load().migrate();
    if (result.migrationsExecuted > 0) {
      LOG.info("Migrated schema {} to version {} ({} migrations)", schema == null || schema.isEmpty() ? "(default)"
          : schema, result.targetSchemaVersion, result.migrationsExecuted);
    }
  }

  /**
   * Fails unless new transactions default to READ COMMITTED (PostgreSQL's default). The stores rely on it: after
   * waiting for a row lock, the next statement must see what the previous lock holder committed. Transactions do
   * not set the level themselves because asking the driver for it costs a round trip per transaction.
   */
  public static void requireReadCommitted(Jdbi jdbi) {
    String level = jdbi.withExtension(SettingsDao.class, SettingsDao::transactionIsolation);
    if (!"read committed".equals(level)) {
      throw new IllegalStateException("SenChat's store needs transactions in READ COMMITTED, but connections default"
          + " to " + level + "; set default_transaction_isolation = 'read committed' for its role or database, or"
          + " set the pool's transaction isolation to READ_COMMITTED");
    }
  }

  /** Reads server settings. */
  interface SettingsDao {

    @SqlQuery("SELECT current_setting('transaction_isolation')")
    String transactionIsolation();
  }

  /** A Jdbi with the SqlObject and PostgreSQL plugins, as every store expects. */
  public static Jdbi jdbi(DataSource dataSource) {
    return Jdbi.create(dataSource)
        .installPlugin(new SqlObjectPlugin())
        .installPlugin(new PostgresPlugin());
  }
}
