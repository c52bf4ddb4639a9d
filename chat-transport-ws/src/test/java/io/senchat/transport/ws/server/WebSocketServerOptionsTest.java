package io.senchat.transport.ws.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebSocketServerOptionsTest {

  @Test
  void defaultsAreTheDocumentedOnes() {
    WebSocketServerOptions options = WebSocketServerOptions.defaults();
    assertEquals("/ws", options.path());
    assertEquals(List.of(), options.allowedOrigins());
    assertEquals(1 << 20, options.maxInboundFrameBytes());
    assertEquals(1_000, options.sendQueueMaxFrames());
    assertEquals(4L << 20, options.sendQueueMaxBytes());
    assertEquals(Duration.ofSeconds(25), options.heartbeatInterval());
    assertEquals(Duration.ofSeconds(60), options.heartbeatTimeout());
  }

  @Test
  void originsAreCopied() {
    List<String> origins = new ArrayList<>(List.of("https://a.example"));
    WebSocketServerOptions options = WebSocketServerOptions.defaults().withAllowedOrigins(origins);
    origins.add("https://b.example");
    assertEquals(List.of("https://a.example"), options.allowedOrigins());
  }

  @Test
  void rejectsNonsense() {
    WebSocketServerOptions options = WebSocketServerOptions.defaults();
    assertThrows(IllegalArgumentException.class, () -> options.withPath("ws"));
    assertThrows(IllegalArgumentException.class, () -> options.withSendQueue(0, 1));
    assertThrows(IllegalArgumentException.class,
        () -> options.withHeartbeat(Duration.ofSeconds(30), Duration.ofSeconds(30)));
    assertThrows(IllegalArgumentException.class, () -> options.withCloseTimeout(Duration.ZERO));
    assertEquals(Duration.ZERO, options.withHeartbeat(Duration.ZERO, Duration.ZERO).heartbeatInterval());
  }
}
