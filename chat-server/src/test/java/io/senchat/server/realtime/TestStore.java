package io.senchat.server.realtime;

import io.senchat.domain.conversation.Conversation;
import io.senchat.domain.conversation.ConversationId;
import io.senchat.domain.user.UserId;
import io.senchat.store.ChatStore;
import io.senchat.store.StoreOptions;
import io.senchat.store.auth.Argon2Settings;
import io.senchat.store.conversation.NewGroup;
import io.senchat.store.db.DatabaseConfig;
import io.senchat.store.user.NewUser;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;

/** A {@link ChatStore} over a fresh schema of a test database, with helpers to make users and conversations. */
final class TestStore implements AutoCloseable {

  private static final AtomicInteger NAMES = new AtomicInteger();
  private static final SecureRandom RANDOM = new SecureRandom();

  private final DatabaseConfig server;
  private final String schema;
  private final ChatStore store;

  private TestStore(DatabaseConfig server, String schema, ChatStore store) {
    this.server = server;
    this.schema = schema;
    this.store = store;
  }

  /** Migrates a new schema named after {@code label} on the database. */
  static TestStore create(TestDatabase database, String label) {
    DatabaseConfig server = database.server();
    byte[] suffix = new byte[4];
    RANDOM.nextBytes(suffix);
    String clean = label.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    String schema = "rt_" + clean.substring(0, Math.min(40, clean.length())) + "_" + HexFormat.of().formatHex(suffix);
    ChatStore store = ChatStore.open(server.withSchema(schema).withPoolSize(16),
        StoreOptions.defaults().withPasswordHashing(Argon2Settings.forTests()));
    return new TestStore(server, schema, store);
  }

  ChatStore store() {
    return store;
  }

  UserId newUser() {
    String name = "u" + NAMES.incrementAndGet() + "_" + Integer.toString(RANDOM.nextInt(1 << 20), 36);
    return store.users().register(new NewUser(name, "User " + name, "password-" + name)).id();
  }

  List<UserId> newUsers(int count) {
    List<UserId> users = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      users.add(newUser());
    }
    return users;
  }

  Conversation direct(UserId a, UserId b) {
    return store.conversations().openDirect(a, b).conversation();
  }

  Conversation group(UserId owner, List<UserId> members) {
    return store.conversations().createGroup(NewGroup.of(owner, "group", members));
  }

  /** Rows in the message table for the conversation, counted directly: what is durable, whatever the API says. */
  long messageRows(ConversationId conversationId) {
    try (Connection connection = connect();
        PreparedStatement query = connection.prepareStatement(
            "SELECT count(*) FROM " + schema + ".message WHERE conversation_id = ?")) {
      query.setLong(1, conversationId.value());
      try (ResultSet rows = query.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    store.close();
    try (Connection connection = connect(); Statement drop = connection.createStatement()) {
      drop.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private Connection connect() throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("user", server.user());
    properties.setProperty("password", server.password());
    return DriverManager.getConnection(server.jdbcUrl(), properties);
  }
}
