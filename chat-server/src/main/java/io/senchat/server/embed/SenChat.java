package io.senchat.server.embed;

import io.senchat.domain.common.ChatException;
import io.senchat.domain.user.UserId;
import io.senchat.server.auth.Authenticator;
import io.senchat.server.auth.TokenKey;
import io.senchat.server.auth.TokenSecret;
import io.senchat.server.config.ConfigParser;
import io.senchat.server.realtime.RealtimeOptions;
import io.senchat.server.transport.TransportSelection;
import io.senchat.server.wiring.ChatApplication;
import io.senchat.server.wiring.ChatGraph;
import io.senchat.store.ChatStore;
import io.senchat.store.StoreOptions;
import io.senchat.store.db.Database;
import io.senchat.store.db.DatabaseConfig;
import io.senchat.store.identity.IdentityModule;
import io.senchat.transport.longpoll.server.LongPollServerOptions;
import io.senchat.transport.ws.server.WebSocketServerOptions;
import io.undertow.server.HttpHandler;
import io.undertow.server.handlers.ResponseCodeHandler;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SenChat running inside an integrator's application: mount {@link #handler()} under a path of their Undertow
 * server (REST API, real-time transports and health check live under it), and {@link #close()} it before stopping
 * that server. Build it with {@link #builder()}; see the package documentation for an example.
 */
public final class SenChat implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(SenChat.class);

  private final ChatApplication application;
  private final HttpHandler handler;
  private final ProvisioningAuthenticator provisioning;
  private final AtomicBoolean closed = new AtomicBoolean();

  private SenChat(ChatApplication application, HttpHandler handler, ProvisioningAuthenticator provisioning) {
    this.application = application;
    this.handler = handler;
    this.provisioning = provisioning;
  }

  /** A builder; {@link Builder#dataSource} or {@link Builder#jdbcUrl} is required. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Everything SenChat serves, relative to where it is mounted: {@code /api/...}, {@code /ws}, {@code /healthz}
   * (and {@code /metrics} when enabled). Mount it with {@code Handlers.path().addPrefixPath("/chat", handler)}.
   */
  public HttpHandler handler() {
    return handler;
  }

  /**
   * Creates (or finds) the SenChat user of one of the integrator's users ahead of their first request, e.g. to put
   * them in a group. Needs {@link Builder#externalUsers}.
   *
   * @throws IllegalStateException when SenChat was not built with external users
   */
  public UserId provision(ExternalUser user) {
    if (provisioning == null) {
      throw new IllegalStateException("provisioning needs SenChat.builder().externalUsers(...)");
    }
    return provisioning.provision(user);
  }

  /** The store, for server-side work beyond the REST API (creating groups for users, reading history). */
  public ChatStore store() {
    return application.storage().store();
  }

  /**
   * Ends live sessions (clients are told to reconnect later), then writes queued messages and closes the store (and
   * the pool SenChat built from a JDBC URL; the integrator's DataSource stays open). Idempotent.
   */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      application.disconnectClients();
      application.close();
    }
  }

  @Override
  public String toString() {
    return "SenChat[" + application + "]";
  }

  /** Collects where the data is, who the callers are, and a few options. */
  public static final class Builder {

    private DataSource dataSource;
    private DatabaseConfig databaseConfig;
    private StoreOptions storeOptions = StoreOptions.defaults();
    private Authenticator authenticator;
    private ExternalUserResolver resolver;
    private String issuer = "app";
    private byte[] tokenSecret;
    private List<String> transports = ConfigParser.KNOWN_TRANSPORTS;
    private WebSocketServerOptions webSocket = WebSocketServerOptions.defaults();
    private LongPollServerOptions longPoll = LongPollServerOptions.defaults();
    private RealtimeOptions realtime = RealtimeOptions.defaults();
    private boolean metricsEndpoint;

    private Builder() {}

    /**
     * The integrator's PostgreSQL (at least two connections at once, READ COMMITTED); SenChat migrates its tables
     * into the connections' schema on start and never closes it.
     */
    public Builder dataSource(DataSource dataSource) {
      this.dataSource = dataSource;
      this.databaseConfig = null;
      return this;
    }

    /** A PostgreSQL by URL; SenChat keeps a pool of {@code DatabaseConfig.DEFAULT_POOL_SIZE} and closes it. */
    public Builder jdbcUrl(String jdbcUrl, String user, String password) {
      this.databaseConfig = DatabaseConfig.of(jdbcUrl, user, password);
      this.dataSource = null;
      return this;
    }

    /** Store settings (clock, password hashing cost, session lifetimes); defaults suit production. */
    public Builder storeOptions(StoreOptions options) {
      this.storeOptions = options;
      return this;
    }

    /**
     * The integrator's users sign in on the integrator's side: {@code resolver} says who calls, and each of their
     * users is mapped onto a SenChat user (created on first sight) by {@code issuer} and their id. SenChat's own
     * account routes are then off.
     *
     * @param issuer names the integrator's user system (1-64 characters), e.g. {@code "shop"}
     */
    public Builder externalUsers(String issuer, ExternalUserResolver resolver) {
      if (issuer == null || issuer.isEmpty() || issuer.length() > 64 || resolver == null) {
        throw new IllegalArgumentException("issuer must be 1-64 characters and resolver not null");
      }
      this.issuer = issuer;
      this.resolver = resolver;
      this.authenticator = null;
      return this;
    }

    /**
     * A raw authentication hook that already knows SenChat user ids (the integrator provisions them itself);
     * SenChat's own account routes are then off.
     */
    public Builder authenticator(Authenticator authenticator) {
      this.authenticator = authenticator;
      this.resolver = null;
      return this;
    }

    /**
     * With SenChat's own accounts (no hook): the secret signing access tokens, at least 32 bytes. Without one a
     * random secret is used, and every login ends when the process does.
     */
    public Builder tokenSecret(byte[] secret) {
      this.tokenSecret = secret.clone();
      return this;
    }

    /** Transports to serve, in preference order; by default all that this build has. */
    public Builder transports(List<String> names) {
      this.transports = List.copyOf(names);
      return this;
    }

    /** WebSocket settings, e.g. other allowed origins; its path is relative to the mount point. */
    public Builder webSocket(WebSocketServerOptions options) {
      this.webSocket = options;
      return this;
    }

    /** Long-poll settings, e.g. other allowed origins or the poll timeout; its path is relative to the mount point. */
    public Builder longPoll(LongPollServerOptions options) {
      this.longPoll = options;
      return this;
    }

    /** Settings of the real-time core. */
    public Builder realtime(RealtimeOptions options) {
      this.realtime = options;
      return this;
    }

    /** Also serve Prometheus metrics at {@code /metrics} under the mount point (off: it would be public). */
    public Builder metricsEndpoint(boolean enabled) {
      this.metricsEndpoint = enabled;
      return this;
    }

    /**
     * Migrates the database, starts the core and returns the running service.
     *
     * @throws IllegalStateException without a database
     * @throws ChatException UNAVAILABLE or INTERNAL when the database refuses
     */
    public SenChat start() {
      if (dataSource == null && databaseConfig == null) {
        throw new IllegalStateException("tell SenChat where its data is: dataSource(...) or jdbcUrl(...)");
      }
      AutoCloseable ownedPool = null;
      DataSource source = dataSource;
      String description = "the application's DataSource";
      if (source == null) {
        var pool = Database.pool(databaseConfig);
        ownedPool = pool;
        source = pool;
        description = "PostgreSQL at " + databaseConfig.jdbcUrl();
      }
      EmbeddedSettings settings = new EmbeddedSettings(source, ownedPool, description, storeOptions,
          new TransportSelection(transports), webSocket, longPoll, realtime);
      ProvisioningAuthenticator provisioning = null;
      ChatGraph graph;
      if (resolver != null) {
        provisioning = new ProvisioningAuthenticator(
            IdentityModule.externalIdentityStore(Database.jdbi(source), storeOptions.clock()), issuer, resolver);
        graph = DaggerHookEmbeddedComponent.factory().create(settings, provisioning);
      } else if (authenticator != null) {
        graph = DaggerHookEmbeddedComponent.factory().create(settings, authenticator);
      } else {
        if (tokenSecret == null) {
          LOG.warn("No token secret given: logins end when this process does (SenChat.Builder.tokenSecret)");
        }
        graph = DaggerAccountsEmbeddedComponent.factory()
            .create(settings, new TokenKey(tokenSecret != null ? tokenSecret : TokenSecret.random()));
      }
      ChatApplication application;
      try {
        application = graph.application();
      } catch (RuntimeException e) {
        graph.startedResources().closeAll();
        if (ownedPool != null) {
          try {
            ownedPool.close();
          } catch (Exception closeFailure) {
            e.addSuppressed(closeFailure);
          }
        }
        throw e;
      }
      HttpHandler handler = application.routes(ResponseCodeHandler.HANDLE_404, metricsEndpoint);
      LOG.info("SenChat started over {}, transports {}", description, application.transports().endpoints().keySet());
      return new SenChat(application, handler, provisioning);
    }
  }
}
