package io.senchat.server.realtime;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.management.OperatingSystemMXBean;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import io.senchat.domain.client.AccessTokenSource;
import io.senchat.domain.client.ChatClient;
import io.senchat.domain.client.ChatClientListener;
import io.senchat.domain.client.ClientOptions;
import io.senchat.domain.client.ClientRuntime;
import io.senchat.domain.client.ConnectionState;
import io.senchat.domain.client.ConnectionStatus;
import io.senchat.domain.client.InMemoryClientStateStore;
import io.senchat.domain.client.TransportPolicy;
import io.senchat.domain.conversation.ConversationId;
import io.senchat.domain.message.OutgoingMessage;
import io.senchat.domain.protocol.ServerFrame;
import io.senchat.domain.protocol.ServerFrame.Ack;
import io.senchat.domain.protocol.ServerFrame.ErrorFrame;
import io.senchat.domain.protocol.ServerFrame.MessageNew;
import io.senchat.domain.user.UserId;
import io.senchat.transport.ws.client.JdkWebSocketTransportFactory;
import io.senchat.transport.ws.client.WebSocketClientOptions;
import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The fan-out benchmark: {@code clients} engine clients in groups of {@code group}, each sending one message per
 * second; the latency from send to each {@code message.new} (sender's own copy included). Not part of the suite:
 * run it with {@code mvn -o -q -pl chat-server test -Dtest=FanOutBenchmark -Dsenchat.bench=true}, optionally
 * {@code -Dsenchat.bench.clients=1000 -Dsenchat.bench.seconds=30 -Dsenchat.bench.db=external}. The clients run in the
 * same JVM as the server, so they compete with it for the same cores; with
 * {@code -Dsenchat.bench.lowPriorityClients=true "-DargLine=-XX:ThreadPriorityPolicy=1"} (as root, on Linux) their
 * threads run niced, which approximates a server with the cores to itself.
 */
@EnabledIfSystemProperty(named = "senchat.bench", matches = "true")
class FanOutBenchmark {

  private static final SecureRandom RANDOM = new SecureRandom();

  @Test
  void fanOut() throws Exception {
    int clientCount = Integer.getInteger("senchat.bench.clients", 1000);
    int groupSize = Integer.getInteger("senchat.bench.group", 10);
    int seconds = Integer.getInteger("senchat.bench.seconds", 30);
    int warmup = Integer.getInteger("senchat.bench.warmup", 10);
    int loopCount = Integer.getInteger("senchat.bench.loops", 4);
    int clientPriority = Boolean.getBoolean("senchat.bench.lowPriorityClients") ? Thread.MIN_PRIORITY
        : Thread.NORM_PRIORITY;
    TestDatabase database = "embedded".equals(System.getProperty("senchat.bench.db"))
        ? TestDatabase.embedded() : TestDatabase.external();

    try (TestStore db = TestStore.create(database, "FanOutBenchmark");
        RealtimeServer server = RealtimeServer.start(db.store(), 0, RealtimeOptions.defaults())) {
      List<UserId> users = db.newUsers(clientCount);
      List<ConversationId> groups = new ArrayList<>();
      for (int from = 0; from + groupSize <= clientCount; from += groupSize) {
        groups.add(db.group(users.get(from), users.subList(from + 1, from + groupSize)).id());
      }
      ExecutorService threads = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "bench-ws");
        thread.setDaemon(true);
        thread.setPriority(clientPriority);
        return thread;
      });
      // Built on a thread of the clients' priority, which the HTTP client's selector thread inherits.
      HttpClient[] built = new HttpClient[1];
      Thread builder = new Thread(() -> built[0] = HttpClient.newBuilder().executor(threads).build(), "bench-build");
      builder.setPriority(clientPriority);
      builder.start();
      builder.join();
      HttpClient http = built[0];
      JdkWebSocketTransportFactory transport =
          new JdkWebSocketTransportFactory(http, WebSocketClientOptions.defaults(), threads);
      List<ClientLoop> loops = new ArrayList<>();
      List<Recorder> recorders = new ArrayList<>();
      for (int i = 0; i < loopCount; i++) {
        loops.add(new ClientLoop("bench-loop-" + i, clientPriority));
        recorders.add(new Recorder());
      }
      CountDownLatch online = new CountDownLatch(clientCount);
      AtomicLong measureFrom = new AtomicLong(Long.MAX_VALUE);
      AtomicLong measureTo = new AtomicLong(Long.MAX_VALUE);
      List<ChatClient> clients = new ArrayList<>();
      for (int i = 0; i < clientCount; i++) {
        ClientLoop loop = loops.get(i % loopCount);
        Recorder recorder = recorders.get(i % loopCount);
        Listener listener = new Listener(recorder, online, measureFrom, measureTo);
        UserId user = users.get(i);
        ChatClient client = loop.call(() -> new ChatClient(
            ClientOptions.defaults(server.baseUrl()).withDevice("bench-" + user.value(), "bench"),
            TransportPolicy.only(loop.bind(transport)), AccessTokenSource.fixed(server.token(user)),
            new InMemoryClientStateStore(), new ClientRuntime(loop, loop, RANDOM::nextDouble), listener));
        loop.run(client::start);
        clients.add(client);
      }
      assertTrue(online.await(120, TimeUnit.SECONDS), "all clients online");
      System.out.printf("%d clients online in %d groups%n", clientCount, groups.size());

      long cpuBefore = processCpuNanos();
      Map<String, Long> threadsBefore = threadCpuByRole();
      long postgresBefore = postgresCpuTicks();
      for (int i = 0; i < clientCount; i++) {
        ClientLoop loop = loops.get(i % loopCount);
        ChatClient client = clients.get(i);
        ConversationId group = groups.get(Math.min(i / groupSize, groups.size() - 1));
        loop.execute(() -> new Sender(loop, client, group).start(RANDOM.nextInt(1000)));
      }
      long start = System.nanoTime();
      measureFrom.set(start + TimeUnit.SECONDS.toNanos(warmup));
      measureTo.set(start + TimeUnit.SECONDS.toNanos(warmup + seconds));
      Thread.sleep(TimeUnit.SECONDS.toMillis(warmup + seconds) + 2_000);
      long cpuAfter = processCpuNanos();
      Map<String, Long> threadsAfter = threadCpuByRole();
      long postgresAfter = postgresCpuTicks();
      for (ClientLoop loop : loops) {
        loop.close();
      }

      long[] all = recorders.stream().flatMapToLong(r -> Arrays.stream(r.latencies())).sorted().toArray();
      long acks = recorders.stream().mapToLong(Recorder::acks).sum();
      long failures = recorders.stream().mapToLong(Recorder::failures).sum();
      Timer sendTimer = server.meters().find("senchat.send.latency").timer();
      System.out.printf("deliveries measured: %d over %d s = %.0f/s; acks %d, failures %d%n", all.length, seconds,
          all.length / (double) seconds, acks, failures);
      System.out.printf("delivery latency ms: p50 %.2f  p95 %.2f  p99 %.2f  max %.2f%n", ms(all, 0.50), ms(all, 0.95),
          ms(all, 0.99), all.length == 0 ? 0 : all[all.length - 1] / 1e6);
      for (ValueAtPercentile p : sendTimer.takeSnapshot().percentileValues()) {
        System.out.printf("server send->ack p%.0f: %.2f ms%n", p.percentile() * 100, p.value(TimeUnit.MILLISECONDS));
      }
      double wall = warmup + seconds + 2;
      System.out.printf("process CPU: %.2f cores on average (%d available)%n", (cpuAfter - cpuBefore) / 1e9 / wall,
          Runtime.getRuntime().availableProcessors());
      for (String role : threadsAfter.keySet()) {
        System.out.printf("  %-8s threads: %.2f cores%n", role,
            (threadsAfter.get(role) - threadsBefore.getOrDefault(role, 0L)) / 1e9 / wall);
      }
      System.out.printf("  postgres processes: %.2f cores%n", (postgresAfter - postgresBefore) / 100.0 / wall);
      threads.shutdownNow();
    }
  }

  private static double ms(long[] sorted, double percentile) {
    if (sorted.length == 0) {
      return 0;
    }
    return sorted[(int) Math.min(sorted.length - 1, Math.ceil(percentile * sorted.length) - 1)] / 1e6;
  }

  private static long processCpuNanos() {
    return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  /** CPU time of live threads by role: the server's (Undertow, writer, pool) or the benchmark clients'. */
  private static Map<String, Long> threadCpuByRole() {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    Map<String, Long> byRole = new TreeMap<>();
    for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
      if (info == null) {
        continue;
      }
      long cpu = threads.getThreadCpuTime(info.getThreadId());
      String name = info.getThreadName();
      String role = name.startsWith("bench-") || name.startsWith("HttpClient") ? "clients"
          : name.startsWith("XNIO") || name.startsWith("senchat-") || name.startsWith("PostgreSQL") ? "server"
          : "other";
      byRole.merge(role, Math.max(0, cpu), Long::sum);
    }
    return byRole;
  }

  /** Clock ticks (1/100 s) used by every process named postgres, from /proc; 0 when unreadable. */
  private static long postgresCpuTicks() {
    long ticks = 0;
    File[] processes = new File("/proc").listFiles((dir, name) -> name.chars().allMatch(Character::isDigit));
    if (processes == null) {
      return 0;
    }
    for (File process : processes) {
      try {
        String stat = Files.readString(process.toPath().resolve("stat"));
        int close = stat.lastIndexOf(')');
        String command = stat.substring(stat.indexOf('(') + 1, close);
        if (!command.startsWith("postgres")) {
          continue;
        }
        String[] fields = stat.substring(close + 2).split(" ");
        ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
      } catch (IOException | RuntimeException gone) {
        // The process ended meanwhile.
      }
    }
    return ticks;
  }

  /** Sends one message a second on the client's loop. */
  private static final class Sender {

    private final ClientLoop loop;
    private final ChatClient client;
    private final ConversationId group;
    private long count;

    Sender(ClientLoop loop, ChatClient client, ConversationId group) {
      this.loop = loop;
      this.client = client;
      this.group = group;
    }

    void start(long delayMillis) {
      loop.schedule(delayMillis, this::tick);
    }

    private void tick() {
      client.send(OutgoingMessage.text(group, "b" + Long.toString(RANDOM.nextLong() & Long.MAX_VALUE, 36),
          "t" + System.nanoTime() + " #" + count++));
      loop.schedule(1000, this::tick);
    }
  }

  /** Latencies of one loop (written on the loop only). */
  private static final class Recorder {

    private long[] latencies = new long[1 << 16];
    private int size;
    private long acks;
    private long failures;

    synchronized void latency(long nanos) {
      if (size == latencies.length) {
        latencies = Arrays.copyOf(latencies, size * 2);
      }
      latencies[size++] = nanos;
    }

    synchronized long[] latencies() {
      return Arrays.copyOf(latencies, size);
    }

    long acks() {
      return acks;
    }

    long failures() {
      return failures;
    }
  }

  /** Times each message.new from the send time in its text. */
  private static final class Listener implements ChatClientListener {

    private final Recorder recorder;
    private final CountDownLatch online;
    private final AtomicLong measureFrom;
    private final AtomicLong measureTo;
    private boolean counted;

    Listener(Recorder recorder, CountDownLatch online, AtomicLong measureFrom, AtomicLong measureTo) {
      this.recorder = recorder;
      this.online = online;
      this.measureFrom = measureFrom;
      this.measureTo = measureTo;
    }

    @Override
    public void onStatus(ConnectionStatus status) {
      if (status.state() == ConnectionState.RECONNECTING) {
        System.out.println("reconnecting after " + status.lastClose());
      }
    }

    @Override
    public void onCaughtUp() {
      if (!counted) {
        counted = true;
        online.countDown();
      }
    }

    @Override
    public void onEvent(ServerFrame event) {
      if (event instanceof MessageNew created) {
        String text = created.message().text();
        long sentAt = Long.parseLong(text.substring(1, text.indexOf(' ')));
        if (sentAt >= measureFrom.get() && sentAt < measureTo.get()) {
          recorder.latency(System.nanoTime() - sentAt);
        }
      }
    }

    @Override
    public void onSendAcked(OutgoingMessage message, Ack ack) {
      recorder.acks++;
    }

    @Override
    public void onSendFailed(OutgoingMessage message, ErrorFrame error) {
      recorder.failures++;
      System.out.println("send failed: " + error);
    }

    @Override
    public void onServerError(ErrorFrame error) {
      System.out.println("server error: " + error);
    }
  }
}
