package io.senchat.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.senchat.domain.protocol.json.JsonArray;
import io.senchat.domain.protocol.json.JsonBool;
import io.senchat.domain.protocol.json.JsonLimits;
import io.senchat.domain.protocol.json.JsonNumber;
import io.senchat.domain.protocol.json.JsonObject;
import io.senchat.domain.protocol.json.JsonParser;
import io.senchat.domain.protocol.json.JsonString;
import io.senchat.domain.protocol.json.JsonValue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/** A JSON client of the REST API over real HTTP (java.net.http), with helpers to read answers by path. */
final class ApiClient {

  private static final AtomicInteger NAMES = new AtomicInteger();

  private final HttpClient http;
  private final URI base;

  ApiClient(URI base) {
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    this.base = base;
  }

  HttpClient http() {
    return http;
  }

  URI base() {
    return base;
  }

  Response get(String path, String token) {
    return call("GET", path, token, null);
  }

  Response post(String path, String token, String json) {
    return call("POST", path, token, json);
  }

  Response patch(String path, String token, String json) {
    return call("PATCH", path, token, json);
  }

  Response delete(String path, String token) {
    return call("DELETE", path, token, null);
  }

  /** A request with an optional bearer token and an optional JSON body. */
  Response call(String method, String path, String token, String json) {
    HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(20));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    if (json != null) {
      request.header("Content-Type", "application/json");
      request.method(method, HttpRequest.BodyPublishers.ofString(json));
    } else {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    }
    return send(request.build());
  }

  Response send(HttpRequest request) {
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      return new Response(response.statusCode(), response.headers(), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Registers a fresh user and returns their session. */
  Session register(String displayName) {
    String username = "u" + NAMES.incrementAndGet() + "_" + UUID.randomUUID().toString().substring(0, 8);
    Response response = post("/api/auth/register", null, "{\"username\":\"" + username + "\",\"displayName\":\""
        + displayName + "\",\"password\":\"secret-" + username + "\"}");
    response.expect(201);
    return Session.of(response, username, "secret-" + username);
  }

  /** A user's login: ids and tokens. */
  record Session(long userId, String username, String password, String accessToken, String refreshToken) {

    static Session of(Response response, String username, String password) {
      return new Session(response.number("user.id"), username, password, response.string("accessToken"),
          response.string("refreshToken"));
    }
  }

  /** An answer: status, headers, body, and the body read as JSON by dotted paths such as {@code a.b[0].c}. */
  record Response(int status, HttpHeaders headers, String body) {

    Response expect(int expected) {
      assertEquals(expected, status, () -> "status of answer " + body);
      return this;
    }

    /** Asserts an error answer: status and {@code code}. */
    Response expectError(int expected, String code) {
      expect(expected);
      assertEquals(code, string("code"), body);
      assertEquals("application/json; charset=utf-8", headers.firstValue("content-type").orElse(""));
      return this;
    }

    JsonValue json() {
      return JsonParser.parse(body, new JsonLimits(1 << 22, 64, 100_000));
    }

    JsonValue at(String path) {
      JsonValue value = json();
      for (String part : path.split("\\.")) {
        String name = part;
        int index = -1;
        int bracket = part.indexOf('[');
        if (bracket >= 0) {
          name = part.substring(0, bracket);
          index = Integer.parseInt(part.substring(bracket + 1, part.length() - 1));
        }
        if (!name.isEmpty()) {
          value = value instanceof JsonObject object ? object.get(name) : null;
        }
        if (index >= 0) {
          value = value instanceof JsonArray array ? array.get(index) : null;
        }
        if (value == null) {
          throw new AssertionError("no " + path + " in " + body);
        }
      }
      return value;
    }

    boolean has(String path) {
      try {
        at(path);
        return true;
      } catch (AssertionError e) {
        return false;
      }
    }

    String string(String path) {
      return ((JsonString) at(path)).value();
    }

    long number(String path) {
      return ((JsonNumber) at(path)).longValue();
    }

    boolean bool(String path) {
      return ((JsonBool) at(path)).value();
    }

    int size(String path) {
      return ((JsonArray) at(path)).size();
    }
  }
}
