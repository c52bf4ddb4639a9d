package io.senchat.store;

import com.zaxxer.hikari.HikariDataSource;
import io.senchat.store.auth.AuthModule;
import io.senchat.store.auth.CredentialStore;
import io.senchat.store.auth.PasswordHasher;
import io.senchat.store.auth.SessionStore;
import io.senchat.store.conversation.ConversationModule;
import io.senchat.store.conversation.ConversationStore;
import io.senchat.store.conversation.MemberStateStore;
import io.senchat.store.conversation.MembershipStore;
import io.senchat.store.db.Database;
import io.senchat.store.db.DatabaseConfig;
import io.senchat.store.message.GroupCommitConfig;
import io.senchat.store.message.MessageModule;
import io.senchat.store.message.MessageReader;
import io.senchat.store.message.MessageStore;
import io.senchat.store.message.MessageWriter;
import io.senchat.store.message.ReactionStore;
import io.senchat.store.receipt.ReceiptModule;
import io.senchat.store.receipt.ReceiptStore;
import io.senchat.store.sync.ChangeFeed;
import io.senchat.store.sync.SyncModule;
import io.senchat.store.user.ProfileStore;
import io.senchat.store.user.UserModule;
import io.senchat.store.user.UserStore;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;

/**
 * Every store of SenChat over one PostgreSQL database: open it once at startup, share it, close it at shutdown.
 * Opening runs the schema migrations.
 */
public final class ChatStore implements AutoCloseable {

  private final StoreOptions options;
  private final Jdbi jdbi;
  private final AutoCloseable ownedPool;
  private final UserStore users;
  private final ProfileStore profiles;
  private final CredentialStore credentials;
  private final SessionStore sessions;
  private final ConversationStore conversations;
  private final MembershipStore memberships;
  private final MemberStateStore memberStates;
  private final MessageStore messages;
  private final MessageReader history;
  private final ReactionStore reactions;
  private final ReceiptStore receipts;
  private final ChangeFeed changes;

  private ChatStore(DataSource dataSource, StoreOptions options, AutoCloseable ownedPool) {
    this.options = options;
    this.ownedPool = ownedPool;
    this.jdbi = Database.jdbi(dataSource);
    Database.requireReadCommitted(jdbi);
    PasswordHasher hasher = PasswordHasher.argon2id(options.passwordHashing());
    this.users = UserModule.userStore(jdbi, hasher, options.clock());
    this.profiles = UserModule.profileStore(jdbi);
    this.credentials = AuthModule.credentialStore(jdbi, hasher, options.clock());
    this.sessions = AuthModule.sessionStore(jdbi, options.sessions(), options.clock());
    this.history = MessageModule.messageReader(jdbi);
    this.messages = MessageModule.messageStore(jdbi, options.clock());
    this.reactions = MessageModule.reactionStore(jdbi, options.clock());
    this.conversations = ConversationModule.conversationStore(jdbi, history, options.clock());
    this.memberships = ConversationModule.membershipStore(jdbi, options.clock());
    this.memberStates = ConversationModule.memberStateStore(jdbi);
    this.receipts = ReceiptModule.receiptStore(jdbi);
    this.changes = SyncModule.changeFeed(jdbi);
  }

  /**
   * Stores over a DataSource the integrator owns (and closes); migrates the default schema first. The DataSource
   * must hand out at least two connections at once (the migrations need two) and default to READ COMMITTED.
   */
  public static ChatStore open(DataSource dataSource) {
    return open(dataSource, StoreOptions.defaults());
  }

  /** Like {@link #open(DataSource)}, migrating {@code options.schema()} and using the other options. */
  public static ChatStore open(DataSource dataSource, StoreOptions options) {
    Database.migrate(dataSource, options.schema());
    return new ChatStore(dataSource, options, null);
  }

  /** Stores over a connection pool built from {@code config}; closing the store closes the pool. */
  public static ChatStore open(DatabaseConfig config, StoreOptions options) {
    DatabaseConfig effective = options.schema().isEmpty() ? config : config.withSchema(options.schema());
    HikariDataSource pool = Database.pool(effective);
    try {
      Database.migrate(pool, effective.schema());
      return new ChatStore(pool, options.withSchema(effective.schema()), pool);
    } catch (RuntimeException e) {
      pool.close();
      throw e;
    }
  }

  public UserStore users() {
    return users;
  }

  public ProfileStore profiles() {
    return profiles;
  }

  public CredentialStore credentials() {
    return credentials;
  }

  public SessionStore sessions() {
    return sessions;
  }

  public ConversationStore conversations() {
    return conversations;
  }

  public MembershipStore memberships() {
    return memberships;
  }

  public MemberStateStore memberStates() {
    return memberStates;
  }

  public MessageStore messages() {
    return messages;
  }

  public MessageReader history() {
    return history;
  }

  public ReactionStore reactions() {
    return reactions;
  }

  public ReceiptStore receipts() {
    return receipts;
  }

  public ChangeFeed changes() {
    return changes;
  }

  /** Starts a group-commit writer over this store's database; close it before closing the store. */
  public MessageWriter startWriter(GroupCommitConfig config) {
    return MessageModule.startWriter(jdbi, options.clock(), config);
  }

  public StoreOptions options() {
    return options;
  }

  /** Closes the connection pool if this store built it; a DataSource passed in stays open. */
  @Override
  public void close() {
    if (ownedPool != null) {
      try {
        ownedPool.close();
      } catch (Exception e) {
        throw new IllegalStateException("could not close the connection pool", e);
      }
    }
  }
}
