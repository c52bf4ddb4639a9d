package io.senchat.store.testing;

import com.zaxxer.hikari.HikariDataSource;
import io.senchat.store.db.Database;
import io.senchat.store.db.DatabaseConfig;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;
import org.jdbi.v3.core.Jdbi;

/** One test class's schema: a pool whose connections use it, dropped on close. */
public final class TestSchema implements AutoCloseable {

  private static final SecureRandom RANDOM = new SecureRandom();

  private final String name;
  private final HikariDataSource pool;
  private final DatabaseConfig admin;

  private TestSchema(String name, HikariDataSource pool, DatabaseConfig admin) {
    this.name = name;
    this.pool = pool;
    this.admin = admin;
  }

  static TestSchema create(DatabaseConfig server, String label) {
    byte[] suffix = new byte[4];
    RANDOM.nextBytes(suffix);
    String clean = label.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    String name = "t_" + clean.substring(0, Math.min(40, clean.length())) + "_" + HexFormat.of().formatHex(suffix);
    // The schema itself is created by the migrations (Flyway createSchemas), as in production.
    HikariDataSource pool = Database.pool(server.withSchema(name).withPoolSize(24));
    return new TestSchema(name, pool, server);
  }

  public String name() {
    return name;
  }

  public HikariDataSource dataSource() {
    return pool;
  }

  @Override
  public void close() {
    pool.close();
    try (HikariDataSource adminPool = Database.pool(admin.withPoolSize(2))) {
      Database.jdbi(adminPool).useExtension(SchemaDao.class, dao -> dao.dropSchema(name));
    }
  }
}
