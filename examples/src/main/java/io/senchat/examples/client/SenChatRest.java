package io.senchat.examples.client;

import io.senchat.domain.protocol.json.JsonArray;
import io.senchat.domain.protocol.json.JsonLimits;
import io.senchat.domain.protocol.json.JsonNumber;
import io.senchat.domain.protocol.json.JsonObject;
import io.senchat.domain.protocol.json.JsonParser;
import io.senchat.domain.protocol.json.JsonString;
import io.senchat.domain.protocol.json.JsonValue;
import io.senchat.domain.protocol.json.JsonWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The few REST calls a bot or a load generator needs before it connects: register, log in, refresh, and create
 * conversations (docs/api.md describes the whole API). Every call is asynchronous and completes on an HTTP client
 * thread, not on a client loop; failures complete exceptionally with a {@link RestException}.
 */
public final class SenChatRest {

  /** Requests that take longer than this fail (the server hashes passwords, so allow for a busy one). */
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);
  private static final JsonLimits RESPONSE_LIMITS = new JsonLimits(1 << 20, 32, 10_000);

  private final HttpClient http;
  private final String apiBase;

  /**
   * @param http the HTTP client, shared with the WebSocket transport if you like
   * @param baseUrl the server, e.g. {@code http://127.0.0.1:8080} (the API is under {@code /api})
   */
  public SenChatRest(HttpClient http, String baseUrl) {
    if (http == null || baseUrl == null) {
      throw new IllegalArgumentException("http client and base URL must not be null");
    }
    this.http = http;
    String base = baseUrl.strip();
    while (base.endsWith("/")) {
      base = base.substring(0, base.length() - 1);
    }
    this.apiBase = base + "/api";
  }

  /**
   * What logging in returns: the tokens and who they belong to.
   *
   * @param accessToken short-lived bearer token for REST calls and the real-time connection
   * @param refreshToken long-lived token that buys a new access token ({@link #refresh})
   */
  public record Session(String accessToken, String refreshToken, long userId, String username, String displayName) {

    // The generated toString would print the tokens into logs.
    @Override
    public String toString() {
      return "Session[user " + userId + " (" + username + ")]";
    }
  }

  /** A refused or failed REST call: the HTTP status and the API's error code ({@code ""} when there is none). */
  public static final class RestException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;

    public RestException(int status, String code, String message) {
      super(status + " " + code + ": " + message);
      this.status = status;
      this.code = code;
    }

    /** The HTTP status, or 0 when the request never got an answer. */
    public int status() {
      return status;
    }

    /** The API's error code, e.g. {@code "unauthenticated"} or {@code "conflict"}. */
    public String code() {
      return code;
    }
  }

  /** {@code POST /api/auth/register}: a new account, already logged in. */
  public CompletableFuture<Session> register(String username, String password, String displayName) {
    JsonObject body = JsonObject.builder().put("username", username).put("password", password)
        .put("displayName", displayName).build();
    return post("/auth/register", null, body).thenApply(SenChatRest::session);
  }

  /** {@code POST /api/auth/login}. */
  public CompletableFuture<Session> login(String username, String password) {
    JsonObject body = JsonObject.builder().put("username", username).put("password", password).build();
    return post("/auth/login", null, body).thenApply(SenChatRest::session);
  }

  /** {@code POST /api/auth/refresh}: new tokens for a refresh token (which is then spent). */
  public CompletableFuture<Session> refresh(String refreshToken) {
    return post("/auth/refresh", null, JsonObject.builder().put("refreshToken", refreshToken).build())
        .thenApply(SenChatRest::session);
  }

  /** {@code POST /api/conversations/group}: a group owned by the caller; completes with its conversation id. */
  public CompletableFuture<Long> createGroup(String accessToken, String title, List<Long> memberIds) {
    List<JsonValue> ids = new ArrayList<>(memberIds.size());
    for (long id : memberIds) {
      ids.add(JsonNumber.of(id));
    }
    JsonObject body = JsonObject.builder().put("title", title).put("memberIds", new JsonArray(ids)).build();
    return post("/conversations/group", accessToken, body).thenApply(SenChatRest::conversationId);
  }

  /** {@code POST /api/conversations/direct}: the caller's direct conversation with {@code userId}, opened if new. */
  public CompletableFuture<Long> openDirect(String accessToken, long userId) {
    JsonObject body = JsonObject.builder().put("userId", userId).build();
    return post("/conversations/direct", accessToken, body).thenApply(SenChatRest::conversationId);
  }

  private CompletableFuture<JsonObject> post(String path, String accessToken, JsonObject body) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(apiBase + path))
        .timeout(REQUEST_TIMEOUT)
        .header("Content-Type", "application/json")
        .header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(JsonWriter.write(body)));
    if (accessToken != null) {
      request.header("Authorization", "Bearer " + accessToken);
    }
    return http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString())
        .handle((response, error) -> {
          if (error != null) {
            Throwable cause = error.getCause() != null ? error.getCause() : error;
            throw new RestException(0, "", "POST " + path + " failed: " + cause);
          }
          return parse(path, response);
        });
  }

  private static JsonObject parse(String path, HttpResponse<String> response) {
    JsonObject json;
    try {
      JsonValue value = JsonParser.parse(response.body(), RESPONSE_LIMITS);
      json = value instanceof JsonObject object ? object : JsonObject.EMPTY;
    } catch (RuntimeException notJson) {
      json = JsonObject.EMPTY;
    }
    if (response.statusCode() / 100 != 2) {
      String code = text(json, "code", "");
      String message = text(json, "message", "POST " + path + " answered " + response.statusCode());
      throw new RestException(response.statusCode(), code, message);
    }
    return json;
  }

  private static Session session(JsonObject json) {
    JsonObject user = object(json, "user");
    return new Session(required(json, "accessToken"), text(json, "refreshToken", ""), number(user, "id"),
        text(user, "username", ""), text(user, "displayName", ""));
  }

  /** The id in a conversation view ({@code {"conversation": {"id": ...}, ...}}), or a bare conversation. */
  private static long conversationId(JsonObject json) {
    return json.get("conversation") instanceof JsonObject conversation ? number(conversation, "id")
        : number(json, "id");
  }

  private static JsonObject object(JsonObject json, String name) {
    if (json.get(name) instanceof JsonObject object) {
      return object;
    }
    throw new RestException(200, "", "response has no object " + name);
  }

  private static long number(JsonObject json, String name) {
    if (json.get(name) instanceof JsonNumber number && number.isIntegral()) {
      return number.longValue();
    }
    throw new RestException(200, "", "response has no integer " + name);
  }

  private static String required(JsonObject json, String name) {
    if (json.get(name) instanceof JsonString string) {
      return string.value();
    }
    throw new RestException(200, "", "response has no string " + name);
  }

  private static String text(JsonObject json, String name, String otherwise) {
    return json.get(name) instanceof JsonString string ? string.value() : otherwise;
  }

  @Override
  public String toString() {
    return "SenChatRest[" + apiBase + "]";
  }
}
