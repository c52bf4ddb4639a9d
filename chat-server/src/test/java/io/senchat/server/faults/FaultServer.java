package io.senchat.server.faults;

import io.senchat.domain.protocol.json.JsonLimits;
import io.senchat.domain.protocol.json.JsonNumber;
import io.senchat.domain.protocol.json.JsonObject;
import io.senchat.domain.protocol.json.JsonParser;
import io.senchat.domain.protocol.json.JsonString;
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
 * The assembled {@link ChatServer} on the embedded PostgreSQL in a temporary directory, restartable on the same data,
 * with just enough REST to make users and a direct conversation.
 */
final class FaultServer implements AutoCloseable {

  /** Fixed, so that tokens survive a restart. */
  private static final String TOKEN_SECRET = "fa0175ec".repeat(8);

  /** A signed-in user. */
  record User(long id, String accessToken) {
  }

  private final Path dataDir;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private ChatServer server;

  FaultServer() {
    try {
      dataDir = Files.createTempDirectory("senchat-faults");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    start();
  }

  /** Starts (again) on the same data directory, on a new free port. */
  void start() {
    String transports = String.join(",", ConfigParser.KNOWN_TRANSPORTS);
    server = ChatServer.start(ConfigParser.parse(new String[] {"--port", "0", "--data-dir", dataDir.toString(),
        "--token-secret", TOKEN_SECRET, "--transports", transports}, Map.of()));
  }

  /** Stops gracefully: clients hear GOING_AWAY, the database stops; the data stays. */
  void stop() {
    server.close();
  }

  int port() {
    return server.port();
  }

  URI url() {
    return server.url();
  }

  User register(String displayName) {
    String username = "f" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    JsonObject session = post("/api/auth/register", null, "{\"username\":\"" + username + "\",\"displayName\":\""
        + displayName + "\",\"password\":\"secret-" + username + "\"}");
    long id = ((JsonNumber) ((JsonObject) session.get("user")).get("id")).longValue();
    return new User(id, ((JsonString) session.get("accessToken")).value());
  }

  /** The direct conversation between {@code a} and {@code b}. */
  long direct(User a, User b) {
    JsonObject answer = post("/api/conversations/direct", a.accessToken(), "{\"userId\":" + b.id() + "}");
    return ((JsonNumber) ((JsonObject) answer.get("conversation")).get("id")).longValue();
  }

  private JsonObject post(String path, String token, String json) {
    HttpRequest.Builder request = HttpRequest.newBuilder(server.url().resolve(path))
        .timeout(Duration.ofSeconds(20))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    try {
      HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() / 100 != 2) {
        throw new AssertionError(path + " answered " + response.statusCode() + ": " + response.body());
      }
      return (JsonObject) JsonParser.parse(response.body(), new JsonLimits(1 << 20, 32, 10_000));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    try {
      server.close();
    } finally {
      try (Stream<Path> paths = Files.walk(dataDir)) {
        for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(path);
        }
      } catch (IOException ignored) {
        // A temporary directory left behind is harmless.
      }
    }
  }
}
