package io.senchat.server.embed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import io.senchat.domain.common.ChatException;
import io.senchat.domain.common.ErrorCode;
import io.senchat.domain.transport.Principal;
import io.senchat.domain.user.UserId;
import io.senchat.store.StoreOptions;
import io.senchat.store.auth.Argon2Settings;
import io.senchat.store.db.Database;
import io.senchat.store.db.EmbeddedDatabase;
import io.senchat.store.db.EmbeddedDatabaseConfig;
import io.senchat.store.user.NewUser;
import io.undertow.Handlers;
import io.undertow.Undertow;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The embedding API's other modes: SenChat's own accounts under a prefix, a raw authenticator, a JDBC URL. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SenChatTest {

  private final HttpClient http = HttpClient.newHttpClient();
  private EmbeddedDatabase database;
  private HikariDataSource pool;

  @BeforeAll
  void startDatabase() {
    database = EmbeddedDatabase.start(EmbeddedDatabaseConfig.temporary());
    pool = Database.pool(database.databaseConfig(10));
  }

  @AfterAll
  void stopDatabase() {
    if (pool != null) {
      pool.close();
    }
    if (database != null) {
      database.close();
    }
  }

  @Test
  void withoutAHookSenChatKeepsItsOwnAccountsUnderThePrefix() throws Exception {
    try (SenChat chat = SenChat.builder().dataSource(pool).tokenSecret(new byte[32])
        .storeOptions(StoreOptions.defaults().withPasswordHashing(Argon2Settings.forTests()))
        .metricsEndpoint(true).start();
        Mounted mounted = Mounted.under("/im", chat)) {
      HttpResponse<String> registered = post(mounted.url("/im/api/auth/register"), null,
          "{\"username\":\"own_account\",\"displayName\":\"Own\",\"password\":\"long enough\"}");
      assertEquals(201, registered.statusCode(), registered.body());
      String token = registered.body().replaceAll(".*\"accessToken\":\"([^\"]+)\".*", "$1");
      assertEquals(200, get(mounted.url("/im/api/me"), token).statusCode());
      assertEquals(401, get(mounted.url("/im/api/me"), null).statusCode());
      assertTrue(get(mounted.url("/im/metrics"), null).body().contains("jvm_memory_used_bytes"));
      assertThrows(IllegalStateException.class, () -> chat.provision(ExternalUser.of("x", "X")));
    }
  }

  @Test
  void aRawAuthenticatorNamesSenChatUsersDirectly() throws Exception {
    UserId known;
    try (SenChat chat = SenChat.builder().jdbcUrl(database.jdbcUrl(), EmbeddedDatabase.USER, "")
        .transports(List.of("ws"))
        .authenticator(handshake -> {
          if (!handshake.header("x-api-key").equals("k-1")) {
            throw new ChatException(ErrorCode.UNAUTHENTICATED, "bad key");
          }
          return new Principal(UserId.of(Long.parseLong(handshake.header("x-user"))), "");
        }).start()) {
      known = chat.store().users().register(new NewUser("raw_user", "Raw", "long enough"))
          .id();
      try (Mounted mounted = Mounted.under("/chat", chat)) {
        HttpResponse<String> me = send(HttpRequest.newBuilder(mounted.url("/chat/api/me"))
            .header("X-Api-Key", "k-1").header("X-User", Long.toString(known.value())).GET().build());
        assertEquals(200, me.statusCode(), me.body());
        assertTrue(me.body().contains("\"username\":\"raw_user\""), me.body());
        assertEquals(401, send(HttpRequest.newBuilder(mounted.url("/chat/api/me")).header("X-Api-Key", "wrong")
            .GET().build()).statusCode());
        assertEquals(404, get(mounted.url("/chat/api/auth/login"), null).statusCode());
      }
    }
  }

  private HttpResponse<String> get(URI uri, String token) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET();
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return send(request.build());
  }

  private HttpResponse<String> post(URI uri, String token, String json) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return send(request.build());
  }

  private HttpResponse<String> send(HttpRequest request) throws Exception {
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  /** An integrator's Undertow with SenChat under a prefix. */
  private record Mounted(Undertow undertow, int port) implements AutoCloseable {

    static Mounted under(String prefix, SenChat chat) {
      Undertow undertow = Undertow.builder().addHttpListener(0, "127.0.0.1")
          .setHandler(Handlers.path().addPrefixPath(prefix, chat.handler())).build();
      undertow.start();
      return new Mounted(undertow, ((InetSocketAddress) undertow.getListenerInfo().get(0).getAddress()).getPort());
    }

    URI url(String path) {
      return URI.create("http://127.0.0.1:" + port + path);
    }

    @Override
    public void close() {
      undertow.stop();
    }
  }
}
