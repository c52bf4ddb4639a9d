package io.senchat.store.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.senchat.domain.user.UserProfile;
import io.senchat.store.ChatStore;
import io.senchat.store.StoreOptions;
import io.senchat.store.auth.Argon2Settings;
import io.senchat.store.user.NewUser;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded server in kept-data mode: durable settings, data surviving a restart, a helpful failure. */
class EmbeddedDatabaseTest {

  @TempDir
  Path directory;

  @Test
  void keptDataIsDurableAndSurvivesRestarts() {
    Path data = directory.resolve("postgres");
    StoreOptions options = StoreOptions.defaults().withPasswordHashing(Argon2Settings.forTests());
    UserProfile saved;
    try (EmbeddedDatabase db = EmbeddedDatabase.start(EmbeddedDatabaseConfig.kept(data))) {
      Jdbi jdbi = Database.jdbi(Database.pool(db.databaseConfig(2)));
      for (String setting : new String[] {"fsync", "synchronous_commit", "full_page_writes"}) {
        assertEquals("on", jdbi.withHandle(h -> h.createQuery("SELECT current_setting(:s)").bind("s", setting)
            .mapTo(String.class).one()), setting);
      }
      try (ChatStore store = ChatStore.open(db.databaseConfig(2), options)) {
        saved = store.users().register(new NewUser("durable", "Durable", "password1"));
      }
    }
    try (EmbeddedDatabase db = EmbeddedDatabase.start(EmbeddedDatabaseConfig.kept(data));
        ChatStore store = ChatStore.open(db.databaseConfig(2), options)) {
      assertEquals(saved, store.users().findByUsername("durable").orElseThrow());
    }
  }

  @Test
  void failureExplainsHowToUseAnExternalServer() throws Exception {
    Path notADirectory = Files.writeString(directory.resolve("file"), "x");
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> EmbeddedDatabase.start(EmbeddedDatabaseConfig.kept(notADirectory)));
    assertTrue(e.getMessage().contains("--db-url jdbc:postgresql://"), e.getMessage());
    assertTrue(e.getMessage().contains("CHAT_DB_URL"), e.getMessage());
    assertTrue(e.getCause() != null);
  }

  @Test
  void aKeptDirectoryMustBeDurable() {
    assertThrows(IllegalArgumentException.class, () -> new EmbeddedDatabaseConfig(directory, 0, false));
  }
}
