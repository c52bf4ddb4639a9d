package io.senchat.server.web;

import io.senchat.domain.protocol.json.JsonLimits;
import io.senchat.domain.protocol.json.JsonNumber;
import io.senchat.domain.protocol.json.JsonObject;
import io.senchat.domain.protocol.json.JsonParser;
import io.senchat.domain.protocol.json.JsonString;
import io.senchat.domain.protocol.json.JsonValue;
import io.senchat.server.ChatServer;
import io.senchat.server.config.ConfigParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A real SenChat server for browser tests: embedded PostgreSQL in a temporary directory, a free port, and the web app
 * bundled into {@code static/} by the build (no {@code --web-root}), as {@code java -jar chat-server.jar} serves it.
 */
final class WebAppServer implements AutoCloseable {

  private final Path dataDir;
  private final ChatServer server;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private WebAppServer(Path dataDir, ChatServer server) {
    this.dataDir = dataDir;
    this.server = server;
  }

  /** Starts a server; fails at once when the build did not bundle the app, rather than testing a placeholder. */
  static WebAppServer start() {
    return start("ws,longpoll");
  }

  /** Starts a server with only {@code transports} mounted, e.g. {@code longpoll} (a network without WebSocket). */
  static WebAppServer start(String transports) {
    if (WebAppServer.class.getClassLoader().getResource("static/index.html") == null) {
      throw new AssertionError("static/index.html is not on the test classpath: the web app is bundled into "
          + "chat-server at prepare-package, so run the browser tests with `mvn verify` (failsafe), after "
          + "chat-web-gwt has been packaged");
    }
    try {
      Path dataDir = Files.createTempDirectory("senchat-web-it");
      // No environment: a developer's CHAT_DB_URL and friends must not redirect the tests.
      ChatServer server = ChatServer.start(ConfigParser.parse(new String[] {"--port", "0", "--host", "127.0.0.1",
          "--data-dir", dataDir.toString(), "--token-secret", "0123456789abcdef".repeat(4), "--transports",
          transports}, Map.of()));
      return new WebAppServer(dataDir, server);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The app's address, e.g. {@code http://127.0.0.1:41234/}. */
  URI url() {
    return server.url().resolve("/");
  }

  HttpClient http() {
    return http;
  }

  /** Registers a user through the REST API (for set-up that is not itself under test). */
  User register(String displayName) {
    String username = "r" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    String password = "secret-" + username;
    JsonValue answer = call("POST", "/api/auth/register", null, "{\"username\":\"" + username
        + "\",\"displayName\":\"" + displayName + "\",\"password\":\"" + password + "\"}", 201);
    return new User(number(answer, "user", "id"), username, password, displayName,
        string(answer, "accessToken"));
  }

  /** Opens (creating) the direct conversation of {@code from} with {@code to}; returns its id. */
  long direct(User from, User to) {
    JsonValue answer = call("POST", "/api/conversations/direct", from.token(), "{\"userId\":" + to.id() + "}", -1);
    return number(answer, "conversation", "id");
  }

  private JsonValue call(String method, String path, String token, String json, int expected) {
    HttpRequest.Builder request = HttpRequest.newBuilder(server.url().resolve(path)).timeout(Duration.ofSeconds(20))
        .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
    if (json != null) {
      request.header("Content-Type", "application/json");
    }
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    try {
      HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      boolean ok = expected < 0 ? response.statusCode() / 100 == 2 : response.statusCode() == expected;
      if (!ok) {
        throw new AssertionError(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
      }
      return JsonParser.parse(response.body(), new JsonLimits(1 << 22, 64, 100_000));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static JsonValue at(JsonValue value, String... path) {
    for (String name : path) {
      value = ((JsonObject) value).get(name);
    }
    return value;
  }

  private static long number(JsonValue value, String... path) {
    return ((JsonNumber) at(value, path)).longValue();
  }

  private static String string(JsonValue value, String... path) {
    return ((JsonString) at(value, path)).value();
  }

  @Override
  public void close() {
    server.close();
    try (Stream<Path> paths = Files.walk(dataDir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A user registered through the API. */
  record User(long id, String username, String password, String displayName, String token) {}
}
