package io.senchat.server.realtime;

import static org.junit.jupiter.api.Assertions.assertNotNull;

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

/**
 * A WebSocket client without the engine, for what the engine never sends: broken JSON, unknown types, oversized
 * frames, commands it would refuse locally. Frames arrive in a queue, decoded.
 */
public final class RawClient implements AutoCloseable {

  private final WebSocket socket;
  private final BlockingQueue<String> frames;
  private final CompletableFuture<Integer> closed;

  private RawClient(WebSocket socket, BlockingQueue<String> frames, CompletableFuture<Integer> closed) {
    this.socket = socket;
    this.frames = frames;
    this.closed = closed;
  }

  /** Connects with the token in the Authorization header; fails as {@code WebSocketHandshakeException} if refused. */
  static RawClient connect(HttpClient http, RealtimeServer server, String token) {
    return connect(http, URI.create("ws://127.0.0.1:" + server.port() + "/ws"), token);
  }

  /** Connects to a WebSocket endpoint with the token in the Authorization header (none when empty). */
  public static RawClient connect(HttpClient http, URI endpoint, String token) {
    BlockingQueue<String> frames = new LinkedBlockingQueue<>();
    CompletableFuture<Integer> closed = new CompletableFuture<>();
    WebSocket.Builder builder = http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5))
        .subprotocols("senchat.v1");
    if (!token.isEmpty()) {
      builder.header("Authorization", "Bearer " + token);
    }
    WebSocket socket = builder.buildAsync(endpoint, new Collector(frames, closed)).join();
    return new RawClient(socket, frames, closed);
  }

  public void send(String text) {
    socket.sendText(text, true).join();
  }

  /** The next frame, decoded; fails the test after five seconds. */
  Outbound next() {
    try {
      String text = frames.poll(5, TimeUnit.SECONDS);
      assertNotNull(text, "no frame from the server within 5 s");
      return ProtocolCodec.decodeServer(text);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The next frame of this type, skipping others (events). */
  Outbound next(String type) {
    for (int i = 0; i < 1000; i++) {
      Outbound frame = next();
      if (frame.frame().type().equals(type)) {
        return frame;
      }
    }
    throw new AssertionError("no " + type + " frame among the next 1000");
  }

  /** The first frame that {@code wanted} accepts, skipping others; fails after five seconds in all. */
  public ServerFrame await(String what, Predicate<ServerFrame> wanted) {
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
  public CompletableFuture<Integer> closed() {
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
