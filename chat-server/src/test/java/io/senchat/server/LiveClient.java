package io.senchat.server;

import io.senchat.domain.protocol.ClientFrame;
import io.senchat.domain.protocol.ProtocolCodec;
import io.senchat.domain.protocol.ServerFrame;
import io.senchat.server.realtime.RawClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;

/** A WebSocket client speaking the protocol just enough to say hello and watch the frames that arrive. */
final class LiveClient implements AutoCloseable {

  private final RawClient raw;

  private LiveClient(RawClient raw) {
    this.raw = raw;
  }

  /** Connects to {@code /ws} with the token in the Authorization header and says hello; returns after welcome. */
  static LiveClient connect(HttpClient http, URI server, String token) {
    RawClient raw = RawClient.connect(http, URI.create("ws://" + server.getAuthority() + "/ws"), token);
    raw.send(ProtocolCodec.encodeClient("h1", new ClientFrame.Hello(token, null, "", "rest-test")));
    raw.await("welcome", frame -> frame instanceof ServerFrame.Welcome);
    return new LiveClient(raw);
  }

  /** The first frame that {@code wanted} accepts, skipping others; fails after five seconds. */
  ServerFrame await(String what, Predicate<ServerFrame> wanted) {
    return raw.await(what, wanted);
  }

  /** The close code the server sent (-1 for a broken connection). */
  CompletableFuture<Integer> closed() {
    return raw.closed();
  }

  @Override
  public void close() {
    raw.close();
  }
}
