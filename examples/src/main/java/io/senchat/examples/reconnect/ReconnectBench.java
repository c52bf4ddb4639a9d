package io.senchat.examples.reconnect;

import io.senchat.domain.client.AccessTokenSource;
import io.senchat.domain.client.ChatClient;
import io.senchat.domain.client.ChatClientListener;
import io.senchat.domain.client.ClientOptions;
import io.senchat.domain.client.ConnectionState;
import io.senchat.domain.client.ConnectionStatus;
import io.senchat.domain.client.InMemoryClientStateStore;
import io.senchat.domain.client.TransportPolicy;
import io.senchat.domain.conversation.ConversationId;
import io.senchat.domain.message.OutgoingMessage;
import io.senchat.domain.protocol.ServerFrame;
import io.senchat.domain.protocol.ServerFrame.Ack;
import io.senchat.domain.protocol.ServerFrame.MessageNew;
import io.senchat.examples.client.ClientComponents;
import io.senchat.examples.client.ExampleLogging;
import io.senchat.examples.client.JvmClientRuntime;
import io.senchat.examples.client.SenChatRest;
import io.senchat.server.ChatServer;
import io.senchat.server.config.ConfigParser;
import io.senchat.transport.ws.client.WebSocketClientOptions;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/**
 * Measures how long a client takes to resume once the server is reachable again: per trial the network goes down (a
 * proxy resets every connection and refuses new ones) while another user sends a message, then comes back; the time
 * runs from "reachable again" to the client having said hello, got {@code welcome}, replayed the missed message and
 * caught up. Two ways of noticing: the application signals {@link ChatClient#networkOnline()} (the browser's
 * {@code online} event), or nothing tells the client and it waits out its backoff.
 *
 * <p>Runs its own server (embedded PostgreSQL in a temporary directory) and prints p50/p95/max per transport:
 *
 * <pre>
 * mvn -q install -DskipTests
 * mvn -q -pl examples dependency:build-classpath -Dmdep.outputFile=/tmp/cp-examples.txt
 * java -cp "examples/target/classes:$(cat /tmp/cp-examples.txt)" io.senchat.examples.reconnect.ReconnectBench \
 *     --trials 50 --seed 1
 * </pre>
 *
 * Options: {@code --trials N}, {@code --seed S} (fixes the outage lengths), {@code --transports ws,longpoll,auto}.
 */
public final class ReconnectBench {

  private static final long STEP_TIMEOUT_MILLIS = 60_000;

  private final JvmClientRuntime loop;
  private final HttpClient http;
  private final OutageProxy proxy;
  private final String token;
  private final ConversationId conversation;
  private final ChatClient sender;
  private final Probe senderProbe;

  private ReconnectBench(JvmClientRuntime loop, HttpClient http, OutageProxy proxy, String token,
      ConversationId conversation, ChatClient sender, Probe senderProbe) {
    this.loop = loop;
    this.http = http;
    this.proxy = proxy;
    this.token = token;
    this.conversation = conversation;
    this.sender = sender;
    this.senderProbe = senderProbe;
  }

  public static void main(String[] args) throws Exception {
    ExampleLogging.configure();
    int trials = 50;
    long seed = 1;
    List<String> transports = List.of("ws", "longpoll", "auto");
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--trials" -> trials = Integer.parseInt(args[i + 1]);
        case "--seed" -> seed = Long.parseLong(args[i + 1]);
        case "--transports" -> transports = Arrays.asList(args[i + 1].toLowerCase(Locale.ROOT).split(","));
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    Path data = Files.createTempDirectory("senchat-reconnect");
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    try (ChatServer server = ChatServer.start(ConfigParser.parse(new String[] {"--port", "0", "--data-dir",
        data.toString(), "--transports", String.join(",", ConfigParser.KNOWN_TRANSPORTS)}, Map.of()));
        OutageProxy proxy = OutageProxy.start(server.port());
        JvmClientRuntime loop = new JvmClientRuntime("reconnect-bench")) {
      SenChatRest rest = new SenChatRest(http, server.url().toString());
      String suffix = Long.toString(System.nanoTime() % 1_000_000_000L, 36);
      SenChatRest.Session alice = rest.register("rb_a" + suffix, "password-" + suffix, "Measured").get();
      SenChatRest.Session bob = rest.register("rb_b" + suffix, "password-" + suffix, "Sender").get();
      ConversationId conversation = ConversationId.of(rest.openDirect(bob.accessToken(), alice.userId()).get());

      // The sender talks to the server directly: only the measured client is behind the proxy.
      Probe senderProbe = new Probe();
      ChatClient sender = loop.call(() -> new ChatClient(ClientOptions.defaults(server.url().toString()),
          TransportPolicy.only(loop.webSocket(http, WebSocketClientOptions.defaults())),
          AccessTokenSource.fixed(bob.accessToken()), new InMemoryClientStateStore(), loop.runtime(), senderProbe));
      loop.execute(sender::start);
      senderProbe.await("the sender online", () -> senderProbe.caughtUp > 0);

      ReconnectBench bench = new ReconnectBench(loop, http, proxy, alice.accessToken(), conversation, sender,
          senderProbe);
      System.out.printf("reconnect time: %d trials per row, outage 200-1500 ms, seed %d%n", trials, seed);
      System.out.printf("%-9s %-22s %8s %8s %8s%n", "transport", "noticed by", "p50 ms", "p95 ms", "max ms");
      for (String transport : transports) {
        for (boolean signal : new boolean[] {true, false}) {
          bench.run(transport, signal, trials, new Random(seed));
        }
      }
      loop.run(sender::close);
    } finally {
      deleteTree(data);
    }
  }

  private void run(String transport, boolean signal, int trials, Random random) {
    String noticedBy = signal ? "networkOnline()" : "backoff only";
    ClientComponents.PolicySource policies;
    TransportPolicy policy;
    try {
      policies = ClientComponents.forName(transport, loop, http, WebSocketClientOptions.defaults());
      policy = policies.policy();
    } catch (IllegalArgumentException missing) {
      System.out.printf("%-9s %-22s %s%n", transport, noticedBy, "pending: " + missing.getMessage());
      return;
    }
    Probe probe = new Probe();
    ChatClient client = loop.call(() -> new ChatClient(ClientOptions.defaults(proxy.baseUrl()), policy,
        AccessTokenSource.fixed(token), new InMemoryClientStateStore(), loop.runtime(), probe));
    loop.execute(client::start);
    probe.await(transport + " client online", () -> probe.caughtUp > 0);
    long[] millis = new long[trials];
    for (int trial = 0; trial < trials; trial++) {
      proxy.down();
      probe.await("the client to notice the outage", () -> probe.state != ConnectionState.ONLINE);
      String clientId = "rb-" + transport + "-" + signal + "-" + trial + "-" + System.nanoTime();
      int acked = senderProbe.acked;
      loop.execute(() -> sender.send(OutgoingMessage.text(conversation, clientId, "missed " + clientId)));
      senderProbe.await("the sender's ack", () -> senderProbe.acked > acked);
      sleep(200 + random.nextInt(1_300));
      long reachable;
      synchronized (probe) {
        probe.waitFor(clientId, probe.caughtUp);
        proxy.up();
        reachable = System.nanoTime();
      }
      if (signal) {
        loop.execute(client::networkOnline);
      }
      probe.await("the client to resume", () -> probe.resumedAt != 0);
      millis[trial] = TimeUnit.NANOSECONDS.toMillis(probe.resumedAt - reachable);
    }
    loop.run(client::close);
    long[] sorted = millis.clone();
    Arrays.sort(sorted);
    System.out.printf("%-9s %-22s %8d %8d %8d%n", transport, noticedBy, percentile(sorted, 50),
        percentile(sorted, 95), sorted[sorted.length - 1]);
  }

  private static long percentile(long[] sorted, int p) {
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, rank - 1)];
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }

  /**
   * Listens to one client; fields are guarded by the probe's monitor. It stamps the moment the client has both
   * received the awaited message and caught up again, on the client's loop, so the measurement does not include the
   * benchmark thread waking up.
   */
  private static final class Probe implements ChatClientListener {

    ConnectionState state = ConnectionState.OFFLINE;
    int caughtUp;
    int acked;
    private String awaitedClientId;
    private int caughtUpBefore;
    private boolean awaitedArrived;
    long resumedAt;

    synchronized void waitFor(String clientId, int caughtUpNow) {
      awaitedClientId = clientId;
      caughtUpBefore = caughtUpNow;
      awaitedArrived = false;
      resumedAt = 0;
    }

    @Override
    public synchronized void onStatus(ConnectionStatus status) {
      state = status.state();
      notifyAll();
    }

    @Override
    public synchronized void onCaughtUp() {
      caughtUp++;
      check();
    }

    @Override
    public synchronized void onEvent(ServerFrame event) {
      if (event instanceof MessageNew created && created.message().clientId().equals(awaitedClientId)) {
        awaitedArrived = true;
        check();
      }
    }

    @Override
    public synchronized void onSendAcked(OutgoingMessage message, Ack ack) {
      acked++;
      notifyAll();
    }

    private void check() {
      if (resumedAt == 0 && awaitedArrived && caughtUp > caughtUpBefore) {
        resumedAt = System.nanoTime();
      }
      notifyAll();
    }

    synchronized void await(String what, BooleanSupplier condition) {
      long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(STEP_TIMEOUT_MILLIS);
      while (!condition.getAsBoolean()) {
        long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        if (left <= 0) {
          throw new IllegalStateException("timed out waiting for " + what + "; state " + state);
        }
        try {
          wait(left);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException(e);
        }
      }
    }
  }
}
