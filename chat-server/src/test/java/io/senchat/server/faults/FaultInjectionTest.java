package io.senchat.server.faults;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.senchat.domain.client.ConnectionState;
import io.senchat.domain.client.FallbackTransportPolicy;
import io.senchat.domain.client.TransportPolicy;
import io.senchat.domain.conversation.ConversationId;
import io.senchat.domain.transport.ClientTransport;
import io.senchat.domain.transport.ClientTransportFactory;
import io.senchat.server.faults.FaultProxy.Fault;
import io.senchat.server.realtime.ClientLoop;
import io.senchat.transport.longpoll.client.LongPollClientOptions;
import io.senchat.transport.longpoll.client.LongPollTransportFactory;
import io.senchat.transport.ws.client.JdkWebSocketTransportFactory;
import io.senchat.transport.ws.client.WebSocketClientOptions;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A thousand messages between two users, both directions, through a proxy that cuts (RST or FIN), stalls or
 * black-holes a connection about every 200 ms: each must reach the other application exactly once, in conversation
 * order: over WebSocket, over long-polling, and with the fallback policy switching between them. Replay a run with
 * {@code -Dsenchat.faults.seed=<seed>} (printed by every test).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FaultInjectionTest {

  static final long SEED = Long.getLong("senchat.faults.seed", 20_261_126L);
  private static final int PER_SIDE = 500;
  // Generous for a loaded 2-core CI machine; a quiet one needs 25-40 s.
  private static final long BUDGET_MILLIS = 90_000;
  /** The exchange lasts at least this long, so that on a fast run too the chaos (one fault per ~200 ms) bites often. */
  private static final long MIN_SPREAD_MILLIS = 12_000;

  private FaultServer server;
  private FaultServer.User alice;
  private FaultServer.User bob;
  private ConversationId chat;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @BeforeAll
  void startServer() {
    server = new FaultServer();
    alice = server.register("Alice");
    bob = server.register("Bob");
    chat = ConversationId.of(server.direct(alice, bob));
  }

  @AfterAll
  void stopServer() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void overWebSocketNothingIsLostOrRepeatedWhileTheNetworkBreaksEvery200Ms() {
    exchangeUnderChaos("ws", loop -> TransportPolicy.only(webSocket(loop)), proxy -> { }, MIN_SPREAD_MILLIS);
  }

  @Test
  void overLongPollingNothingIsLostOrRepeatedWhileTheNetworkBreaksEvery200Ms() {
    exchangeUnderChaos("longpoll", loop -> TransportPolicy.only(longPoll(loop)), proxy -> { }, MIN_SPREAD_MILLIS);
  }

  /**
   * The fallback policy while the proxy, besides cutting connections, refuses or swallows every WebSocket upgrade for
   * seconds at a time: the clients fall back to long-polling, probe, switch back, and nothing is lost or repeated.
   */
  @Test
  void withTheAutoPolicyNothingIsLostOrRepeatedWhileItSwitchesBetweenTransports() {
    List<CountingFactory> webSockets = new CopyOnWriteArrayList<>();
    List<CountingFactory> longPolls = new CopyOnWriteArrayList<>();
    List<Party> parties = exchangeUnderChaos("auto", loop -> {
      CountingFactory ws = new CountingFactory(webSocket(loop));
      CountingFactory lp = new CountingFactory(longPoll(loop));
      webSockets.add(ws);
      longPolls.add(lp);
      // Faster than the defaults (4 s handshake bound, probes from 2 s up to 60 s) so that every window counts.
      return new FallbackTransportPolicy(ws, lp, System::currentTimeMillis,
          new FallbackTransportPolicy.Settings(2, 2_000, 5_000, 1_000, 4_000));
    }, FaultInjectionTest::blockUpgradesNowAndThen, 25_000);
    int polls = longPolls.stream().mapToInt(f -> f.created.get()).sum();
    long upgrades = parties.stream().flatMap(p -> p.statuses().stream())
        .filter(s -> s.lastClose() != null && s.lastClose().reason().startsWith("switching to a probed"))
        .filter(s -> s.state() == ConnectionState.CONNECTING).count();
    System.out.printf("[faults] auto: %d WebSocket and %d long-poll transports created, %d upgrades back%n",
        webSockets.stream().mapToInt(f -> f.created.get()).sum(), polls, upgrades);
    assertTrue(polls > 0, "never fell back to long-polling");
    assertTrue(upgrades > 0, "never upgraded back to WebSocket");
  }

  /** Until interrupted: WebSocket upgrades reset or swallowed for 4 to 6 s, then allowed for 6 to 8 s. */
  private static void blockUpgradesNowAndThen(FaultProxy proxy) {
    Random random = new Random(SEED ^ 0x5DEECE66DL);
    try {
      while (!Thread.currentThread().isInterrupted()) {
        proxy.upgrades(random.nextBoolean() ? FaultProxy.Upgrades.BLACK_HOLE : FaultProxy.Upgrades.RESET);
        Thread.sleep(4_000 + random.nextInt(2_000));
        proxy.upgrades(FaultProxy.Upgrades.ALLOW);
        Thread.sleep(6_000 + random.nextInt(2_000));
      }
    } catch (InterruptedException e) {
      proxy.upgrades(FaultProxy.Upgrades.ALLOW);
    }
  }

  private LongPollTransportFactory longPoll(ClientLoop loop) {
    return new LongPollTransportFactory(http, LongPollClientOptions.defaults(), loop.executor());
  }

  /** Counts the transports it makes. */
  private static final class CountingFactory implements ClientTransportFactory {

    final AtomicInteger created = new AtomicInteger();
    private final ClientTransportFactory factory;

    CountingFactory(ClientTransportFactory factory) {
      this.factory = factory;
    }

    @Override
    public String name() {
      return factory.name();
    }

    @Override
    public ClientTransport create(String baseUrl, String accessToken) {
      created.incrementAndGet();
      return factory.create(baseUrl, accessToken);
    }
  }

  private JdkWebSocketTransportFactory webSocket(ClientLoop loop) {
    return new JdkWebSocketTransportFactory(http,
        WebSocketClientOptions.defaults().withConnectTimeout(Duration.ofSeconds(5)), loop.executor());
  }

  /**
   * Two fresh devices through a chaotic proxy; {@code extra} adds to the chaos (e.g. refusing upgrades for periods)
   * and runs on its own thread until the exchange ends, which lasts at least {@code spreadMillis}.
   */
  List<Party> exchangeUnderChaos(String label, Function<ClientLoop, TransportPolicy> policy,
      java.util.function.Consumer<FaultProxy> extra, long spreadMillis) {
    long seed = SEED;
    System.out.printf("[faults] %s: seed %d (replay with -Dsenchat.faults.seed=%d)%n", label, seed, seed);
    try (FaultProxy proxy = FaultProxy.start(server.port(), seed);
        Party a = new Party("alice-" + label, proxy.baseUrl(), alice.accessToken(), seed + 1, policy);
        Party b = new Party("bob-" + label, proxy.baseUrl(), bob.accessToken(), seed + 2, policy)) {
      a.start();
      b.start();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
      assertTrue(a.awaitUntil(deadline, () -> a.caughtUpCount() > 0) && b.awaitUntil(deadline,
          () -> b.caughtUpCount() > 0), "both online before the chaos: " + a.status() + " / " + b.status());
      proxy.startChaos(200, List.of(Fault.values()));
      Thread chaosExtra = new Thread(() -> extra.accept(proxy), "chaos-extra-" + label);
      chaosExtra.setDaemon(true);
      chaosExtra.start();
      Exchange.Outcome outcome;
      try {
        outcome = new Exchange(a, alice.id(), b, bob.id(), chat, label + seed).run(PER_SIDE, BUDGET_MILLIS, null,
            spreadMillis);
      } finally {
        chaosExtra.interrupt();
        proxy.stopChaos();
      }
      long reconnects = a.statuses().stream().filter(s -> s.state()
          == ConnectionState.ONLINE).count()
          + b.statuses().stream().filter(s -> s.state() == ConnectionState.ONLINE).count();
      System.out.printf("[faults] %s: %d messages exactly once in %d ms; faults %s, upgrades refused %d, "
          + "%d sessions, %d arrivals out of send order%n", label,
          outcome.messages(), outcome.millis(), proxy.counts(), proxy.upgradesRefused(), reconnects,
          outcome.orderInversionsBySendOrder());
      // The run must have been hurt by every kind of fault, and often.
      int injected = proxy.counts().values().stream().mapToInt(Integer::intValue).sum();
      assertTrue(injected >= 20 && proxy.counts().values().stream().allMatch(n -> n > 0),
          "too little chaos: " + proxy.counts());
      return List.of(a, b);
    }
  }
}
