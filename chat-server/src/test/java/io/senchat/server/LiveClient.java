package io.senchat.server;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.senchat.domain.protocol.ClientFrame;
import io.senchat.domain.protocol.Outbound;
import io.senchat.domain.protocol.ProtocolCodec;
import io.senchat.domain.protocol.ServerFrame;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A WebSocket client speaking the protocol just enough to say hello and watch the frames that arrive. */
final class LiveClient implements AutoCloseable {

  private final WebSocket socket;
  private final BlockingQueue<String> frames;
  private final CompletableFuture<Integer> closed;

  private LiveClient(WebSocket socket, BlockingQueue<String> frames, CompletableFuture<Integer> closed) {
    this.socket = socket;
    this.frames = frames;
    this.closed = closed;
  }

  /** Connects to {@code /ws} with the token in the Authorization header and says hello; returns after welcome. */
  static LiveClient connect(HttpClient http, URI server, String token) {
    BlockingQueue<String> frames = new LinkedBlockingQueue<>();
    CompletableFuture<Integer> closed = new CompletableFuture<>();
    URI uri = URI.create("ws://" + server.getAuthority() + "/ws");
    WebSocket socket = http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5))
        .subprotocols("senchat.v1")
        .header("Authorization", "Bearer " + token)
        .buildAsync(uri, new Collector(frames, closed)).join();
    LiveClient client = new LiveClient(socket, frames, closed);
    socket.sendText(ProtocolCodec.encodeClient("h1", new ClientFrame.Hello(token, null, "", "rest-test")), true)
        .join();
    client.await("welcome", frame -> frame instanceof ServerFrame.Welcome);
    return client;
  }

  /** The first frame that {@code wanted} accepts, skipping others; fails after five seconds. */
  ServerFrame await(String what, Predicate<ServerFrame> wanted) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    try {
      while (true) {
        String text = frames.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
        assertNotNull(text, "no " + what + " within 5 s");
        Outbound frame = ProtocolCodec.decodeServer(text);
        if (wanted.test(frame.frame())) {
          return frame.frame();
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The close code the server sent (-1 for a broken connection). */
  CompletableFuture<Integer> closed() {
    return closed;
  }

  @Override
  public void close() {
    socket.abort();
  }

  /** Reassembles text messages into the queue. */
  private static final class Collector implements WebSocket.Listener {

    private final BlockingQueue<String> frames;
    private final CompletableFuture<Integer> closed;
    private final StringBuilder partial = new StringBuilder();

    Collector(BlockingQueue<String> frames, CompletableFuture<Integer> closed) {
      this.frames = frames;
      this.closed = closed;
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        frames.add(partial.toString());
        partial.setLength(0);
      }
      webSocket.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
      closed.complete(statusCode);
      return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
      closed.complete(-1);
    }
  }
}
