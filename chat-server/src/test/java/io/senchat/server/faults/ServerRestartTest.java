package io.senchat.server.faults;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.senchat.domain.client.ConnectionState;
import io.senchat.domain.client.TransportPolicy;
import io.senchat.domain.conversation.ConversationId;
import io.senchat.transport.ws.client.JdkWebSocketTransportFactory;
import io.senchat.transport.ws.client.WebSocketClientOptions;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The server stops and starts again on the same database in the middle of a conversation: both clients come back on
 * their own, resume by sync token, re-send what was not acknowledged, and each message still arrives exactly once.
 */
class ServerRestartTest {

  @Test
  void aRestartMidConversationLosesAndRepeatsNothing() {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    try (FaultServer server = new FaultServer();
        FaultProxy proxy = FaultProxy.start(server.port(), FaultInjectionTest.SEED)) {
      FaultServer.User alice = server.register("Alice");
      FaultServer.User bob = server.register("Bob");
      ConversationId chat = ConversationId.of(server.direct(alice, bob));
      try (Party a = new Party("alice-restart", proxy.baseUrl(), alice.accessToken(), 1,
          loop -> TransportPolicy.only(new JdkWebSocketTransportFactory(http, WebSocketClientOptions.defaults(),
              loop.executor())));
          Party b = new Party("bob-restart", proxy.baseUrl(), bob.accessToken(), 2,
              loop -> TransportPolicy.only(new JdkWebSocketTransportFactory(http, WebSocketClientOptions.defaults(),
                  loop.executor())))) {
        a.start();
        b.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        assertTrue(a.awaitUntil(deadline, () -> a.caughtUpCount() > 0)
            && b.awaitUntil(deadline, () -> b.caughtUpCount() > 0), "online before the restart");
        long[] restartMillis = {0};
        Exchange.Outcome outcome = new Exchange(a, alice.id(), b, bob.id(), chat, "restart").run(150, 55_000, () -> {
          long started = System.nanoTime();
          server.stop();
          server.start();
          proxy.retarget(server.port());
          restartMillis[0] = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        });
        assertTrue(a.statuses().stream().anyMatch(s -> s.state() == ConnectionState.RECONNECTING)
            && b.statuses().stream().anyMatch(s -> s.state() == ConnectionState.RECONNECTING),
            "both lost the connection to the restart");
        System.out.printf("[faults] restart: server down %d ms; %d messages exactly once in %d ms%n",
            restartMillis[0], outcome.messages(), outcome.millis());
      }
    }
  }
}
