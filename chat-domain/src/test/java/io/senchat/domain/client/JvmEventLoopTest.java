package io.senchat.domain.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.senchat.domain.message.OutgoingMessage;
import io.senchat.domain.protocol.ServerFrame;
import io.senchat.domain.protocol.ServerFrame.Ack;
import io.senchat.domain.protocol.ServerFrame.ErrorFrame;
import io.senchat.domain.protocol.ServerFrame.Welcome;
import io.senchat.domain.transport.CloseReason;
import java.security.SecureRandom;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The engine on real threads: a server thread answers, the loop thread runs every client callback. */
class JvmEventLoopTest {

  @Test
  void aClientOnTheLoopTalksToAServerOnAnotherThread() throws Exception {
    ScheduledExecutorService serverThread = Executors.newSingleThreadScheduledExecutor();
    SecureRandom random = new SecureRandom();
    List<String> offLoop = new CopyOnWriteArrayList<>();
    CountDownLatch acked = new CountDownLatch(3);
    CountDownLatch reconnected = new CountDownLatch(2);
    try (JvmEventLoop loop = new JvmEventLoop("senchat-client-test")) {
      SimulatedServer server = new SimulatedServer(new ManualTime(), 3);
      ChatClientListener listener = new ChatClientListener() {
        @Override
        public void onStatus(ConnectionStatus status) {
          check("status");
        }

        @Override
        public void onSession(Welcome welcome, boolean resumed) {
          check("session");
          reconnected.countDown();
        }

        @Override
        public void onSendAcked(OutgoingMessage message, Ack ack) {
          check("ack");
          acked.countDown();
        }

        @Override
        public void onSendFailed(OutgoingMessage message, ErrorFrame error) {
          offLoop.add("failed " + error);
        }

        @Override
        public void onEvent(ServerFrame event) {
          check("event");
        }

        private void check(String what) {
          if (!loop.onLoop()) {
            offLoop.add(what);
          }
        }
      };
      ChatClient client = new ChatClient(ClientOptions.defaults("sim://server").withBackoff(10, 50),
          TransportPolicy.only(loop.bind(server)), AccessTokenSource.fixed("tok"), new InMemoryClientStateStore(),
          new ClientRuntime(loop, loop, random::nextDouble), listener);

      // The simulated network is pumped from the server thread, as a real socket's reader would.
      serverThread.scheduleWithFixedDelay(() -> {
        SimulatedServer.Connection live = loop.callQuietly(server::live);
        if (live != null) {
          while (loop.callQuietly(live::hasPending)) {
            loop.execute(live::deliverOne);
          }
        }
      }, 1, 1, TimeUnit.MILLISECONDS);

      loop.call(() -> {
        client.start();
        client.send(OutgoingMessage.text(ClientHarness.CONV, "j1", "one"));
        client.send(OutgoingMessage.text(ClientHarness.CONV, "j2", "two"));
        return null;
      });
      // Drop the first connection as soon as it is up; the client must reconnect on its own.
      while (!loop.call(() -> client.status().state() == ConnectionState.ONLINE)) {
        Thread.sleep(1);
      }
      loop.call(() -> {
        server.live().drop(CloseReason.ABNORMAL);
        client.send(OutgoingMessage.text(ClientHarness.CONV, "j3", "three"));
        return null;
      });

      assertTrue(acked.await(10, TimeUnit.SECONDS), "all three acknowledged");
      assertTrue(reconnected.await(10, TimeUnit.SECONDS), "a second session after the drop");
      assertEquals(List.of(), offLoop, "every callback on the loop thread");
      assertEquals(3, loop.call(() -> server.byClientId.size()));
      loop.call(() -> {
        client.close();
        return null;
      });
    } finally {
      serverThread.shutdownNow();
    }
  }
}
