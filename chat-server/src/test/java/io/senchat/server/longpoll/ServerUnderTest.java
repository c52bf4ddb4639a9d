package io.senchat.server.longpoll;

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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/** The real standalone server on a free port with its data in a temporary directory, and a tiny REST client. */
final class ServerUnderTest implements AutoCloseable {

  /** A registered user: id and access token. */
  record User(long id, String token) {}

  /** An HTTP answer. */
  record Answer(int status, String body) {}

  private final Path dataDir;
  private final ChatServer server;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private ServerUnderTest(Path dataDir, ChatServer server) {
    this.dataDir = dataDir;
    this.server = server;
  }

  /** Starts with these extra flags (e.g. {@code --transports longpoll}, {@code --db-url …}). */
  static ServerUnderTest start(String... flags) {
    Path dataDir;
    try {
      dataDir = Files.createTempDirectory("senchat-longpoll");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<String> args = new ArrayList<>(List.of("--port", "0", "--data-dir", dataDir.toString(),
        "--token-secret", "0123456789abcdef".repeat(4)));
    args.addAll(List.of(flags));
    return new ServerUnderTest(dataDir, ChatServer.start(ConfigParser.parse(args.toArray(String[]::new), Map.of())));
  }

  String baseUrl() {
    String url = server.url().toString();
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  HttpClient http() {
    return http;
  }

  Answer call(String method, String path, String token, String json) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + path))
        .timeout(Duration.ofSeconds(40))
        .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    if (json != null) {
      request.header("Content-Type", "application/json");
    }
    try {
      HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Answer(response.statusCode(), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  User register(String displayName) {
    String username = "lp_" + UUID.randomUUID().toString().substring(0, 12).replace('-', '_');
    Answer answer = call("POST", "/api/auth/register", null, "{\"username\":\"" + username
        + "\",\"displayName\":\"" + displayName + "\",\"password\":\"secret-" + username + "\"}");
    if (answer.status() != 201) {
      throw new AssertionError("register: " + answer);
    }
    JsonObject body = json(answer.body());
    return new User(((JsonNumber) ((JsonObject) body.get("user")).get("id")).longValue(),
        ((JsonString) body.get("accessToken")).value());
  }

  /** The direct conversation of the two users; returns its id. */
  long direct(User a, User b) {
    Answer answer = call("POST", "/api/conversations/direct", a.token(), "{\"userId\":" + b.id() + "}");
    if (answer.status() != 201 && answer.status() != 200) {
      throw new AssertionError("direct: " + answer);
    }
    return ((JsonNumber) ((JsonObject) json(answer.body()).get("conversation")).get("id")).longValue();
  }

  static JsonObject json(String text) {
    JsonValue value = JsonParser.parse(text, new JsonLimits(1 << 22, 64, 100_000));
    return (JsonObject) value;
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
}
