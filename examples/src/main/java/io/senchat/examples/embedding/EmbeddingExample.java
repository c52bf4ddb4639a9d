package io.senchat.examples.embedding;

import com.zaxxer.hikari.HikariDataSource;
import io.senchat.domain.transport.Handshake;
import io.senchat.server.embed.ExternalUser;
import io.senchat.server.embed.SenChat;
import io.senchat.store.db.Database;
import io.senchat.store.db.DatabaseConfig;
import io.senchat.store.db.EmbeddedDatabase;
import io.senchat.store.db.EmbeddedDatabaseConfig;
import io.undertow.Handlers;
import io.undertow.Undertow;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An integrator's application ("Acme Shop") with SenChat embedded under {@code /chat}. The shop has its own routes
 * ({@code /}, {@code /hello}), its own PostgreSQL pool and its own login; SenChat shares the pool, keeps its tables
 * beside the shop's, and asks the shop who is calling.
 *
 * <p>Run it with {@code mvn -q -pl examples exec:java}; it starts a throw-away embedded PostgreSQL unless
 * {@code CHAT_DB_URL} names a real one. Then:
 *
 * <pre>
 * curl http://127.0.0.1:8090/hello
 * curl -H 'X-Demo-User: alice' http://127.0.0.1:8090/chat/api/me
 * </pre>
 *
 * <p>The demo's "login" is a header (or a {@code demo_user} cookie, which browsers also send on WebSocket
 * connections); a real shop would look up its session cookie instead, in {@link #currentUser}.
 */
public final class EmbeddingExample implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(EmbeddingExample.class);

  /** The shop's users, as its own user table would hold them: login name to display name. */
  static final Map<String, String> SHOP_USERS = Map.of("alice", "Alice Nguyễn", "bob", "Bob Trần", "chi", "Chi Lê");

  private final SenChat chat;
  private final Undertow undertow;
  private final int port;

  private EmbeddingExample(SenChat chat, Undertow undertow, int port) {
    this.chat = chat;
    this.undertow = undertow;
    this.port = port;
  }

  /** Starts the shop with SenChat on {@code dataSource} (the shop's own pool), on {@code port} (0: any). */
  public static EmbeddingExample start(DataSource dataSource, int port) {
    // The integration: SenChat over the shop's database, the shop's login deciding who calls.
    SenChat chat = SenChat.builder()
        .dataSource(dataSource)
        .externalUsers("acme-shop", EmbeddingExample::currentUser)
        .start();

    Undertow undertow = Undertow.builder()
        .addHttpListener(port, "127.0.0.1")
        .setHandler(Handlers.path(EmbeddingExample::notFound)
            .addExactPath("/", EmbeddingExample::home)
            .addExactPath("/hello", EmbeddingExample::hello)
            .addPrefixPath("/chat", chat.handler()))
        .build();
    undertow.start();
    int bound = ((InetSocketAddress) undertow.getListenerInfo().get(0).getAddress()).getPort();
    return new EmbeddingExample(chat, undertow, bound);
  }

  /** The shop's authentication hook: the logged-in shop user, or empty (SenChat answers 401). */
  static Optional<ExternalUser> currentUser(Handshake handshake) {
    String login = handshake.header("x-demo-user");
    if (login.isEmpty()) {
      login = cookie(handshake.header("cookie"), "demo_user");
    }
    String name = SHOP_USERS.get(login);
    return name == null ? Optional.empty() : Optional.of(ExternalUser.of(login, name).withPreferredUsername(login));
  }

  private static String cookie(String header, String name) {
    for (String part : header.split(";")) {
      String[] pair = part.trim().split("=", 2);
      if (pair.length == 2 && pair[0].equals(name)) {
        return pair[1];
      }
    }
    return "";
  }

  private static void home(HttpServerExchange exchange) {
    exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/plain; charset=utf-8");
    exchange.getResponseSender().send("Acme Shop. Chat lives under /chat (try /chat/healthz).\n");
  }

  private static void hello(HttpServerExchange exchange) {
    exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/json");
    exchange.getResponseSender().send("{\"shop\":\"acme\",\"message\":\"Hello from the shop's own route\"}");
  }

  private static void notFound(HttpServerExchange exchange) {
    exchange.setStatusCode(404);
    exchange.getResponseSender().send("Not found\n");
  }

  public int port() {
    return port;
  }

  /** SenChat, e.g. to provision shop users before their first visit. */
  public SenChat chat() {
    return chat;
  }

  /** SenChat first (its clients hear GOING_AWAY while the server still runs), then the shop's server. */
  @Override
  public void close() {
    chat.close();
    undertow.stop();
  }

  /** Runs the example until Ctrl-C. */
  public static void main(String[] args) {
    String url = System.getenv("CHAT_DB_URL");
    EmbeddedDatabase database = url == null || url.isBlank()
        ? EmbeddedDatabase.start(EmbeddedDatabaseConfig.temporary()) : null;
    // The shop's own connection pool, which SenChat shares.
    HikariDataSource pool = Database.pool(database != null ? database.databaseConfig(10)
        : DatabaseConfig.of(url, System.getenv().getOrDefault("CHAT_DB_USER", "postgres"),
            System.getenv().getOrDefault("CHAT_DB_PASSWORD", "")));
    EmbeddingExample shop = start(pool, 8090);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      shop.close();
      pool.close();
      if (database != null) {
        database.close();
      }
    }, "shop-shutdown"));
    LOG.info("Acme Shop on http://127.0.0.1:{} with SenChat under /chat", shop.port());
  }
}
