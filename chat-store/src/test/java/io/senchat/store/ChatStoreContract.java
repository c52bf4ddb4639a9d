package io.senchat.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.senchat.store.testing.StoreContract;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Opening the store over a DataSource the integrator brings. */
public abstract class ChatStoreContract extends StoreContract {

  @Test
  void openingAgainIsIdempotent() {
    List<String> before = appliedMigrations();
    assertTrue(before.containsAll(List.of("1", "2")), before::toString);
    try (ChatStore again = ChatStore.open(schema.dataSource(), store.options())) {
      assertTrue(again.users().findByUsername("nobody-yet").isEmpty());
    }
    assertEquals(before, appliedMigrations(), "nothing applied twice");
  }

  private List<String> appliedMigrations() {
    return jdbi.withHandle(h -> h.createQuery(
            "SELECT version FROM flyway_schema_history WHERE success AND type = 'SQL' ORDER BY installed_rank")
        .mapTo(String.class).list());
  }

  @Test
  void refusesConnectionsThatAreNotReadCommitted() {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(schema.dataSource().getJdbcUrl());
    config.setUsername(schema.dataSource().getUsername());
    config.setPassword(schema.dataSource().getPassword());
    config.setMaximumPoolSize(2);
    config.setConnectionInitSql("SET default_transaction_isolation = 'serializable'");
    config.addDataSourceProperty("currentSchema", schema.name());
    try (HikariDataSource serializable = new HikariDataSource(config)) {
      IllegalStateException e = assertThrows(IllegalStateException.class,
          () -> ChatStore.open(serializable, store.options()));
      assertTrue(e.getMessage().contains("READ COMMITTED"), e.getMessage());
    }
  }
}
