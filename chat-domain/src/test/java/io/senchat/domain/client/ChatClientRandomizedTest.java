package io.senchat.domain.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.senchat.domain.Randomized;
import io.senchat.domain.conversation.ConversationId;
import io.senchat.domain.message.Message;
import io.senchat.domain.message.OutgoingMessage;
import io.senchat.domain.protocol.ServerFrame.FeedEvent;
import io.senchat.domain.protocol.ServerFrame.MessageNew;
import io.senchat.domain.transport.ClientTransport;
import io.senchat.domain.transport.ClientTransportFactory;
import io.senchat.domain.transport.ClientTransportListener;
import io.senchat.domain.transport.CloseReason;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Random drops, silent deaths, reconnects, sends, other members' posts, checkpoints and throttled timers against a
 * server that keeps the protocol's promises. Whatever happens, once the network heals: every message is acknowledged
 * exactly once with the seq the server gave it, seqs have no gaps, and every message reaches the application once.
 */
class ChatClientRandomizedTest {

  private static final List<ConversationId> CONVERSATIONS = List.of(ConversationId.of(42), ConversationId.of(17));

  @Test
  void everyMessageIsAckedOnceAndDeliveredOnceWhateverTheNetworkDoes() {
    Randomized.forAll(150, random -> run(random, false));
  }

  /**
   * The same with the fallback policy while WebSocket is blocked for random periods: the client falls back to
   * long-polling, probes, and switches back, and still nothing is lost or repeated.
   */
  @Test
  void nothingIsLostOrRepeatedWhileFallingBackAndUpgrading() {
    int[] switches = {0};
    Randomized.forAll(150, random -> switches[0] += run(random, true));
    assertTrue(switches[0] > 50, "the runs upgraded back to WebSocket only " + switches[0] + " times");
  }

  /** Runs one random case; returns how often the client switched to a probed transport. */
  private static int run(Random random, boolean fallback) {
    ManualTime time = new ManualTime();
    SimulatedServer server = new SimulatedServer(time, 1 + random.nextInt(6));
    Gate ws = new Gate("ws", server);
    TransportPolicy policy = fallback
        ? new FallbackTransportPolicy(ws, new Gate("longpoll", server), time)
        : TransportPolicy.only(server);
    RecordingListener listener = new RecordingListener();
    InMemoryClientStateStore store = new InMemoryClientStateStore();
    ClientOptions options = ClientOptions.defaults("sim://server")
        .withMaxInFlightSends(1 + random.nextInt(8))
        .withSyncBatchLimit(1 + random.nextInt(10));
    ChatClient client = new ChatClient(options, policy, AccessTokenSource.fixed("tok"), store,
        new ClientRuntime(time, time, random::nextDouble), listener);
    List<String> sentIds = new ArrayList<>();
    client.start();

    int steps = 200 + random.nextInt(200);
    for (int step = 0; step < steps; step++) {
      SimulatedServer.Connection live = server.live();
      int action = random.nextInt(100);
      if (action < 40) {
        if (live != null) {
          live.deliverOne();
        }
      } else if (action < 52) {
        if (sentIds.size() < 80) {
          String clientId = "m" + sentIds.size();
          sentIds.add(clientId);
          client.send(OutgoingMessage.text(Randomized.oneOf(random, CONVERSATIONS), clientId, "hi " + clientId));
        }
      } else if (action < 62) {
        time.advance(random.nextInt(15_000));
      } else if (action < 70) {
        server.postByOther(Randomized.oneOf(random, CONVERSATIONS));
      } else if (action < 73) {
        server.react(random::nextDouble);
      } else if (action < 76) {
        server.checkpoint();
      } else if (action < 80) {
        if (live != null) {
          live.drop(Randomized.oneOf(random, CloseReason.ABNORMAL, CloseReason.GOING_AWAY,
              CloseReason.SLOW_CONSUMER));
        }
      } else if (action < 82) {
        if (live != null) {
          live.blackhole();
        }
      } else if (action < 84) {
        // Timers throttled or the host asleep for a while.
        time.sleep(random.nextInt(120_000));
        time.runDue();
      } else if (action < 86) {
        client.networkOnline();
      } else if (action < 88) {
        server.refuseNextSends = 1 + random.nextInt(3);
      } else if (action < 90) {
        client.markRead(Randomized.oneOf(random, CONVERSATIONS), 1 + random.nextInt(50));
      } else if (action < 93 && fallback) {
        ws.blocked = !ws.blocked;
      } else {
        // Deliver a burst.
        for (int i = random.nextInt(10); i > 0 && live != null && live.deliverOne(); i--) {
          // keep delivering
        }
      }
    }

    // Blocked while healing, so that no probe is open when the check looks at the server's newest connection.
    ws.blocked = true;
    heal(client, server, time, listener, sentIds.size());
    check(server, store, listener, client, sentIds);
    return (int) listener.statuses.stream().filter(s -> Connector.SWITCHING.equals(s.lastClose())
        && s.state() == ConnectionState.CONNECTING).count();
  }

  /** A named way to the simulated server that a proxy can block: attempts then never open. */
  private static final class Gate implements ClientTransportFactory {

    private final String name;
    private final SimulatedServer server;
    boolean blocked;

    Gate(String name, SimulatedServer server) {
      this.name = name;
      this.server = server;
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public ClientTransport create(String baseUrl, String accessToken) {
      if (!blocked) {
        return server.create(baseUrl, accessToken);
      }
      return new ClientTransport() {
        private ClientTransportListener listener;

        @Override
        public void connect(ClientTransportListener newListener) {
          listener = newListener;
        }

        @Override
        public boolean send(String frame) {
          return false;
        }

        @Override
        public void close() {
          if (listener != null) {
            ClientTransportListener told = listener;
            listener = null;
            told.onClose(CloseReason.NORMAL);
          }
        }
      };
    }
  }

  /** No more failures: let the client reconnect, resend and catch up. */
  private static void heal(ChatClient client, SimulatedServer server, ManualTime time, RecordingListener listener,
      int sent) {
    server.refuseNextSends = 0;
    for (int round = 0; round < 10_000; round++) {
      SimulatedServer.Connection live = server.live();
      if (live != null && live.hasPending()) {
        live.deliverOne();
        continue;
      }
      boolean settled = client.status().state() == ConnectionState.ONLINE && client.unsent().isEmpty()
          && listener.acked.size() == sent && live != null && live.caughtUp
          && listener.newMessages().size() == expectedMessages(server, listener).size();
      if (settled) {
        // A checkpoint brings the persisted position to the head.
        server.checkpoint();
        while (live.deliverOne()) {
          // drain
        }
        return;
      }
      long delay = time.nextDelay();
      time.advance(delay < 0 ? 1_000 : Math.max(1, delay));
    }
    SimulatedServer.Connection live = server.live();
    throw new AssertionError("the client did not settle: " + client.status() + ", unsent " + client.unsent().size()
        + ", acked " + listener.acked.size() + "/" + sent + ", caught up " + (live != null && live.caughtUp)
        + ", delivered " + listener.newMessages().size() + "/" + expectedMessages(server, listener).size()
        + ", position " + client.syncToken() + "/" + server.head() + ", delivered " + listener.newMessages());
  }

  private static void check(SimulatedServer server, InMemoryClientStateStore store, RecordingListener listener,
      ChatClient client, List<String> sentIds) {
    assertTrue(listener.failed.isEmpty(), "nothing fails for network reasons: " + listener.failed);

    // Acked exactly once, with the seq the server assigned.
    assertEquals(sentIds, sortedLike(sentIds, listener.ackedClientIds()), "each client id acked once");
    for (RecordingListener.Acked acked : listener.acked) {
      Message stored = server.byClientId.get(acked.message().clientId());
      assertEquals(stored.seq(), acked.ack().seq());
      assertEquals(stored.conversationId(), acked.ack().conversationId());
    }
    assertEquals(sentIds.size(), server.byClientId.size(), "no message posted twice");

    // Seqs per conversation: unique and gapless.
    Map<ConversationId, TreeSet<Long>> seqs = new HashMap<>();
    for (Message m : server.messages) {
      assertTrue(seqs.computeIfAbsent(m.conversationId(), c -> new TreeSet<>()).add(m.seq()), "duplicate seq");
    }
    for (TreeSet<Long> set : seqs.values()) {
      assertEquals(set.size(), set.last(), "gapless from 1");
    }

    // Delivered once, every one of them, in seq order per conversation.
    List<String> delivered = listener.newMessages();
    assertEquals(delivered.size(), new HashSet<>(delivered).size(), "a message.new delivered twice: " + delivered);
    assertEquals(expectedMessages(server, listener), new HashSet<>(delivered));
    Map<String, Long> lastDelivered = new HashMap<>();
    for (String key : delivered) {
      String conversation = key.substring(0, key.indexOf(':'));
      long seq = Long.parseLong(key.substring(key.indexOf(':') + 1));
      Long previous = lastDelivered.put(conversation, seq);
      assertTrue(previous == null || previous < seq, "out of order in conversation " + conversation);
    }

    assertTrue(store.loadOfflineQueue().isEmpty());
    assertEquals(server.head(), store.loadSyncToken(), "the persisted position is the head");
  }

  /**
   * The messages the feed must deliver: those after the position of the first welcome (a fresh client starts at the
   * head and loads older messages with history).
   */
  private static Set<String> expectedMessages(SimulatedServer server, RecordingListener listener) {
    Set<String> expected = new HashSet<>();
    if (listener.sessions.isEmpty()) {
      return expected;
    }
    int start = (int) listener.sessions.get(0).welcome().syncToken().txId();
    for (FeedEvent event : server.feed.subList(start, server.feed.size())) {
      if (event instanceof MessageNew created) {
        expected.add(created.message().conversationId().value() + ":" + created.message().seq());
      }
    }
    return expected;
  }

  /** The acked ids, in the order of {@code order}, to compare as a multiset with duplicates kept. */
  private static List<String> sortedLike(List<String> order, List<String> acked) {
    List<String> sorted = new ArrayList<>(acked);
    sorted.sort((a, b) -> Integer.compare(order.indexOf(a), order.indexOf(b)));
    return sorted;
  }
}
