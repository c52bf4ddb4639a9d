package io.senchat.examples.embedding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import io.senchat.domain.user.UserId;
import io.senchat.server.embed.ExternalUser;
import io.senchat.store.db.Database;
import io.senchat.store.db.EmbeddedDatabase;
import io.senchat.store.db.EmbeddedDatabaseConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The shop and SenChat side by side on one Undertow, over real HTTP and a real (embedded) PostgreSQL. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EmbeddingExampleTest {

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private EmbeddedDatabase database;
  private HikariDataSource shopPool;
  private EmbeddingExample shop;

  @BeforeAll
  void startShop() {
    database = EmbeddedDatabase.start(EmbeddedDatabaseConfig.temporary());
    shopPool = Database.pool(database.databaseConfig(10));
    shop = EmbeddingExample.start(shopPool, 0);
  }

  @AfterAll
  void stopShop() {
    if (shop != null) {
      shop.close();
    }
    if (shopPool != null) {
      shopPool.close();
    }
    if (database != null) {
      database.close();
    }
  }

  @Test
  void theShopsOwnRoutesAndSenChatUnderChatBothAnswer() throws Exception {
    HttpResponse<String> hello = get("/hello", null);
    assertEquals(200, hello.statusCode());
    assertTrue(hello.body().contains("Hello from the shop's own route"), hello.body());
    assertEquals(200, get("/", null).statusCode());
    assertEquals(404, get("/nowhere", null).statusCode());

    HttpResponse<String> health = get("/chat/healthz", null);
    assertEquals(200, health.statusCode());
    assertEquals("{\"status\":\"ok\"}", health.body());
    assertEquals(404, get("/chat/metrics", null).statusCode(), "metrics stay private unless enabled");
    assertEquals(404, get("/chat/api/auth/login", null).statusCode(), "the shop's login replaces SenChat's");
  }

  @Test
  void theShopsLoginDecidesWhoCallsAndItsUsersBecomeSenChatUsers() throws Exception {
    HttpResponse<String> anonymous = get("/chat/api/me", null);
    assertEquals(401, anonymous.statusCode());
    assertTrue(anonymous.body().contains("\"code\":\"unauthenticated\""), anonymous.body());
    assertEquals(401, get("/chat/api/me", "mallory").statusCode());

    HttpResponse<String> alice = get("/chat/api/me", "alice");
    assertEquals(200, alice.statusCode(), alice.body());
    assertTrue(alice.body().contains("\"username\":\"alice\""), alice.body());
    assertTrue(alice.body().contains("\"displayName\":\"Alice Nguyễn\""), alice.body());
    HttpResponse<String> byCookie = send(HttpRequest.newBuilder(uri("/chat/api/me"))
        .header("Cookie", "theme=dark; demo_user=bob").GET().build());
    assertEquals(200, byCookie.statusCode(), byCookie.body());
    assertTrue(byCookie.body().contains("\"displayName\":\"Bob Trần\""), byCookie.body());

    // Chi has never visited; the shop provisions her so that Alice can write to her at once.
    UserId chi = shop.chat().provision(ExternalUser.of("chi", "Chi Lê").withPreferredUsername("chi"));
    HttpResponse<String> direct = send(HttpRequest.newBuilder(uri("/chat/api/conversations/direct"))
        .header("X-Demo-User", "alice").header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"userId\":" + chi.value() + "}")).build());
    assertEquals(201, direct.statusCode(), direct.body());
    HttpResponse<String> chisList = get("/chat/api/conversations", "chi");
    assertEquals(200, chisList.statusCode());
    assertTrue(chisList.body().contains("\"displayName\":\"Alice Nguyễn\""), chisList.body());
  }

  @Test
  void theWebSocketTransportLivesUnderThePrefixToo() throws Exception {
    CompletableFuture<String> firstFrame = new CompletableFuture<>();
    WebSocket socket = http.newWebSocketBuilder().subprotocols("senchat.v1").header("X-Demo-User", "alice")
        .buildAsync(URI.create("ws://127.0.0.1:" + shop.port() + "/chat/ws"), new WebSocket.Listener() {
          @Override
          public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            firstFrame.complete(data.toString());
            return null;
          }
        }).get(5, TimeUnit.SECONDS);
    try {
      assertTrue(firstFrame.get(5, TimeUnit.SECONDS).contains("\"type\":\"welcome\""));
    } finally {
      socket.abort();
    }
  }

  @Test
  void theLongPollTransportLivesUnderThePrefixToo() throws Exception {
    HttpResponse<String> open = send(HttpRequest.newBuilder(uri("/chat/poll/open")).header("X-Demo-User", "alice")
        .POST(HttpRequest.BodyPublishers.noBody()).build());
    assertEquals(200, open.statusCode(), open.body());
    Matcher sid = Pattern.compile("\"sid\":\"([^\"]+)\"").matcher(open.body());
    assertTrue(sid.find(), open.body());
    HttpResponse<String> poll = get("/chat/poll/" + sid.group(1) + "?ack=0", "alice");
    assertEquals(200, poll.statusCode(), poll.body());
    assertTrue(poll.body().contains("welcome"), poll.body());
    send(HttpRequest.newBuilder(uri("/chat/poll/" + sid.group(1))).header("X-Demo-User", "alice").DELETE().build());
  }

  private HttpResponse<String> get(String path, String shopUser) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
    if (shopUser != null) {
      request.header("X-Demo-User", shopUser);
    }
    return send(request.build());
  }

  private HttpResponse<String> send(HttpRequest request) throws Exception {
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + shop.port() + path);
  }
}
