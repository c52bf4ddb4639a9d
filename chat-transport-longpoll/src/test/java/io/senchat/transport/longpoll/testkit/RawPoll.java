package io.senchat.transport.longpoll.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.senchat.transport.longpoll.shared.OpenAnswer;
import io.senchat.transport.longpoll.shared.PollBatch;
import io.senchat.transport.longpoll.shared.UpstreamBatch;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** The long-poll wire spoken by hand over java.net.http, for what the real client never does. */
public final class RawPoll {

  private final HttpClient http;
  private final String endpoint;

  /** @param endpoint e.g. {@code http://127.0.0.1:1234/poll3} */
  public RawPoll(HttpClient http, String endpoint) {
    this.http = http;
    this.endpoint = endpoint;
  }

  public String endpoint() {
    return endpoint;
  }

  /** An answer. */
  public record Answer(int status, Map<String, List<String>> headers, String body) {

    public String header(String name) {
      List<String> values = headers.get(name);
      return values == null || values.isEmpty() ? null : values.get(0);
    }

    public PollBatch batch() {
      assertEquals(200, status, body);
      return PollBatch.parse(body, 1 << 24);
    }
  }

  /** Sends a request with optional extra headers (name, value, name, value...) and body. */
  public Answer call(String method, String pathAndQuery, String body, String... headers) {
    try {
      return callAsync(method, pathAndQuery, body, headers).join();
    } catch (RuntimeException e) {
      if (e.getCause() instanceof IOException io) {
        throw new UncheckedIOException(io);
      }
      throw e;
    }
  }

  public CompletableFuture<Answer> callAsync(String method, String pathAndQuery, String body, String... headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(endpoint + pathAndQuery))
        .timeout(Duration.ofSeconds(20))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    for (int i = 0; i + 1 < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString())
        .thenApply(r -> new Answer(r.statusCode(), r.headers().map(), r.body()));
  }

  /** Opens a session with this token and returns its id. */
  public String open(String token) {
    Answer answer = call("POST", "/open", null, "Authorization", "Bearer " + token);
    assertEquals(200, answer.status(), answer.body());
    return OpenAnswer.parse(answer.body()).sessionId();
  }

  public Answer poll(String sid, long ack) {
    return call("GET", "/" + sid + "?ack=" + ack, null);
  }

  public CompletableFuture<Answer> pollAsync(String sid, long ack) {
    return callAsync("GET", "/" + sid + "?ack=" + ack, null);
  }

  public Answer post(String sid, List<String> frames) {
    return call("POST", "/" + sid, UpstreamBatch.encode(frames), "Content-Type", "application/json");
  }

  public Answer postRaw(String sid, String body) {
    return call("POST", "/" + sid, body, "Content-Type", "application/json");
  }

  public Answer delete(String sid) {
    return call("DELETE", "/" + sid, null);
  }
}
