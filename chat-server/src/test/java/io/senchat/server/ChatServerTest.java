package io.senchat.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.senchat.domain.protocol.MemberChange;
import io.senchat.domain.protocol.ServerFrame;
import io.senchat.server.ApiClient.Response;
import io.senchat.server.ApiClient.Session;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The assembled server over real HTTP: health, metrics, the web root with its cache headers, the WebSocket transport
 * wired to the core (REST changes reach live clients), and a stop and start on the same data directory.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ChatServerTest {

  private Path dataDir;
  private Path webRoot;
  private ChatServer server;
  private ApiClient api;

  @BeforeAll
  void startServer() throws IOException {
    dataDir = TestServers.tempDir("senchat-server");
    webRoot = TestServers.tempDir("senchat-web");
    Files.writeString(webRoot.resolve("index.html"), "<!doctype html><title>SenChat</title>");
    Files.writeString(webRoot.resolve("senchat.nocache.js"), "/* entry */");
    Files.writeString(webRoot.resolve("0123ABCD.cache.js"), "/* compiled */");
    server = ChatServer.start(TestServers.config(dataDir, "--web-root", webRoot.toString()));
    api = new ApiClient(server.url());
  }

  @AfterAll
  void stopServer() {
    if (server != null) {
      server.close();
    }
    TestServers.delete(dataDir);
    TestServers.delete(webRoot);
  }

  @Test
  @Order(1)
  void healthzSaysOkAndMetricsAreInPrometheusText() {
    Response health = api.get("/healthz", null).expect(200);
    assertEquals("{\"status\":\"ok\"}", health.body());

    api.register("Metered");
    Response metrics = api.get("/metrics", null).expect(200);
    assertTrue(metrics.headers().firstValue("content-type").orElse("").startsWith("text/plain; version=0.0.4"));
    assertTrue(metrics.body().contains("# TYPE jvm_memory_used_bytes gauge"), "JVM meters");
    assertTrue(metrics.body().contains("process_uptime_seconds"), "process meters");
    assertTrue(metrics.body().contains("senchat_api_requests_seconds_count{outcome=\"ok\",route=\"POST /auth/register\"}"),
        "API meters");
  }

  @Test
  @Order(2)
  void webRootIsServedWithLongCachingOnlyForContentHashedFiles() {
    Response index = api.get("/", null).expect(200);
    assertEquals("<!doctype html><title>SenChat</title>", index.body());
    assertEquals("no-cache", index.headers().firstValue("cache-control").orElse(""));
    assertEquals("no-cache", api.get("/senchat.nocache.js", null).expect(200)
        .headers().firstValue("cache-control").orElse(""));
    assertEquals("public, max-age=31536000, immutable", api.get("/0123ABCD.cache.js", null).expect(200)
        .headers().firstValue("cache-control").orElse(""));
    api.get("/missing.js", null).expect(404);
    api.get("/../../etc/passwd", null).expect(404);
  }

  @Test
  @Order(3)
  void restChangesReachLiveClientsOverTheWebSocket() {
    Session alice = api.register("Alice");
    Session bob = api.register("Bob");
    try (LiveClient bobLive = LiveClient.connect(api.http(), server.url(), bob.accessToken())) {
      long group = api.post("/api/conversations/group", alice.accessToken(), "{\"title\":\"Live\",\"memberIds\":["
          + bob.userId() + "]}").expect(201).number("conversation.id");
      bobLive.await("conversation.updated", frame -> frame instanceof ServerFrame.ConversationUpdated updated
          && updated.conversation().id().value() == group);

      api.patch("/api/conversations/" + group + "/members/" + bob.userId(), alice.accessToken(),
          "{\"role\":\"admin\"}").expect(200);
      bobLive.await("member.changed", frame -> frame instanceof ServerFrame.MemberChanged changed
          && changed.change() == MemberChange.ROLE && changed.userId().value() == bob.userId());

      api.patch("/api/conversations/" + group + "/state", bob.accessToken(), "{\"pinned\":true}").expect(200);
      bobLive.await("member.state", frame -> frame instanceof ServerFrame.MemberStateChanged state
          && state.memberState().pinned());
    }
  }

  @Test
  @Order(4)
  void webSocketRefusesMissingTokens() {
    Response refused = api.get("/ws", null);
    assertTrue(refused.status() == 401 || refused.status() == 400, refused.body());
  }

  @Test
  @Order(100)
  void stopAndStartOnTheSameDataDirectoryKeepsTheData() throws Exception {
    Session carol = api.register("Carol");
    Session dan = api.register("Dan");
    long group = api.post("/api/conversations/group", carol.accessToken(), "{\"title\":\"Kept\",\"memberIds\":["
        + dan.userId() + "]}").expect(201).number("conversation.id");
    LiveClient live = LiveClient.connect(api.http(), server.url(), carol.accessToken());

    server.close();
    assertEquals(1001, live.closed().get(5, TimeUnit.SECONDS), "clients hear GOING_AWAY");
    live.close();

    server = ChatServer.start(TestServers.config(dataDir, "--web-root", webRoot.toString()));
    api = new ApiClient(server.url());
    // Same data directory, same token secret: the old access token still works and the data is there.
    assertEquals("Kept", api.get("/api/conversations/" + group, carol.accessToken()).expect(200)
        .string("conversation.title"));
    api.post("/api/auth/login", null, "{\"username\":\"" + dan.username() + "\",\"password\":\"" + dan.password()
        + "\"}").expect(200);
    api.post("/api/auth/refresh", null, "{\"refreshToken\":\"" + carol.refreshToken() + "\"}").expect(200);
  }
}
