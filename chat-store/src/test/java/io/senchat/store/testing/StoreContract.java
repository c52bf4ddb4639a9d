package io.senchat.store.testing;

import io.senchat.domain.common.ChatException;
import io.senchat.domain.common.ErrorCode;
import io.senchat.domain.conversation.Conversation;
import io.senchat.domain.user.UserId;
import io.senchat.store.ChatStore;
import io.senchat.store.StoreOptions;
import io.senchat.store.auth.Argon2Settings;
import io.senchat.store.conversation.NewGroup;
import io.senchat.store.db.Database;
import io.senchat.store.message.AppendResult;
import io.senchat.store.message.NewMessage;
import io.senchat.store.user.NewUser;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.function.Executable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Base of every contract test: a fresh schema on the subclass's database, a {@link ChatStore} over it with cheap
 * password hashing and a controllable clock, and helpers to make users, groups and messages.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class StoreContract {

  private static final AtomicInteger NAMES = new AtomicInteger();

  protected TestSchema schema;
  protected ChatStore store;
  protected TestClock clock;
  /** Raw access for assertions the API does not offer. */
  protected Jdbi jdbi;

  /** The server to run against; subclasses return {@link TestDatabase#embedded()} or {@link TestDatabase#external()}. */
  protected abstract TestDatabase database();

  @BeforeAll
  void openStore() {
    schema = database().newSchema(getClass().getSimpleName());
    clock = new TestClock();
    store = ChatStore.open(schema.dataSource(), StoreOptions.defaults().withClock(clock)
        .withPasswordHashing(Argon2Settings.forTests()).withSchema(schema.name()));
    jdbi = Database.jdbi(schema.dataSource());
  }

  @AfterAll
  void dropSchema() {
    if (store != null) {
      store.close();
    }
    if (schema != null) {
      schema.close();
    }
  }

  /** A new user with a unique username. */
  protected UserId newUser() {
    String name = "user" + NAMES.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 8);
    return store.users().register(new NewUser(name, "User " + name, "password-" + name)).id();
  }

  protected List<UserId> newUsers(int count) {
    UserId[] users = new UserId[count];
    for (int i = 0; i < count; i++) {
      users[i] = newUser();
    }
    return Arrays.asList(users);
  }

  /** A group owned by {@code owner} with {@code members}. */
  protected Conversation newGroup(UserId owner, UserId... members) {
    return store.conversations().createGroup(NewGroup.of(owner, "group", List.of(members)));
  }

  protected AppendResult send(Conversation conversation, UserId sender, String text) {
    return store.messages().append(NewMessage.text(conversation.id(), sender, UUID.randomUUID().toString(), text));
  }

  /** Runs {@code action}, expecting a ChatException with {@code code}; returns it. */
  protected static ChatException expectCode(ErrorCode code, Executable action) {
    ChatException e = assertThrows(ChatException.class, action);
    assertEquals(code, e.code(), () -> "unexpected code, message: " + e.getMessage());
    return e;
  }

  /** The conversation's counter as stored. */
  protected long lastSeq(Conversation conversation) {
    return store.conversations().find(conversation.id()).orElseThrow().lastSeq();
  }
}
