package io.senchat.examples.loadgen;

import io.senchat.examples.client.JvmClientRuntime;
import io.senchat.examples.client.RefreshingTokenSource;
import io.senchat.examples.client.SenChatRest;
import java.net.http.HttpClient;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one load test against a server on this machine: registers the users, creates their groups, connects every
 * client, lets them send (or just hold the connections), waits for the deliveries to drain, and counts.
 *
 * <p>Phases, each bounded in time: registration and group creation (REST, {@code httpConcurrency} requests in flight,
 * each with a 60 s timeout), connecting ({@code connectConcurrency} attempts in flight, all within
 * {@code connectTimeoutSeconds}), sending ({@code durationSeconds}), draining ({@code drainSeconds}).
 *
 * <p>Threads: the clients share {@code loops} event-loop threads, and each loop has its own HTTP client whose executor
 * is the loop itself, so a WebSocket frame goes from the HTTP client's selector thread straight to the loop that
 * handles it: two threads per loop in all, however many clients (the JDK's default executor would lend a pooled
 * thread to every connection with data, then hop again to the loop). REST set-up uses a separate HTTP client.
 */
public final class LoadGenerator {

  private static final Logger LOG = LoggerFactory.getLogger(LoadGenerator.class);
  private static final long PROGRESS_NANOS = TimeUnit.SECONDS.toNanos(5);
  private static final int REST_ATTEMPTS = 3;
  /** Time for the server to finish the work of the last connections before its memory is read. */
  private static final long SETTLE_MILLIS = 2_000;
  /** Time before the first send, so that every client's timer is armed when the window opens. */
  private static final long SEND_LEAD_NANOS = TimeUnit.MILLISECONDS.toNanos(500);

  private final LoadGenOptions options;
  private final HttpClient http;
  private final SenChatRest rest;
  private final String runId;
  private final String password;
  private final RunStats stats = new RunStats(20);
  private final SecureRandom random = new SecureRandom();
  // The sending window's CPU readings, taken by send().
  private CpuReading windowStart;
  private CpuReading windowEnd;
  private Optional<ServerSendLatency.Histogram> serverBefore = Optional.empty();
  private Optional<ServerSendLatency.Histogram> serverAfter = Optional.empty();

  public LoadGenerator(LoadGenOptions options) {
    this.options = options;
    // HTTP/1.1: a plain-http HTTP/2 upgrade attempt on every REST call would only cost round trips.
    this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(10)).build();
    this.rest = new SenChatRest(http, options.url().toString());
    // Usernames must be new on every run (and 3..32 of [a-z0-9_.]): "lg" + 6 random base-36 characters + "_" + index.
    StringBuilder id = new StringBuilder("lg");
    for (int i = 0; i < 6; i++) {
      id.append(Character.forDigit(random.nextInt(36), 36));
    }
    this.runId = id.toString();
    this.password = "loadgen-" + runId + "-" + Long.toString(random.nextLong() & Long.MAX_VALUE, 36);
  }

  /** The prefix of this run's usernames and client ids. */
  public String runId() {
    return runId;
  }

  /**
   * Runs the whole test; returns when it is over and every client is closed.
   *
   * @throws IllegalStateException when the users or groups cannot be set up (the message says why)
   */
  public LoadReport run() throws InterruptedException {
    int n = options.clients();
    LOG.info("run {}: {} clients, groups of up to {}, {} msg/s each, {} s, transport {}, {}{}", runId, n,
        options.groupSize(), options.rate(), options.durationSeconds(), options.transport(), options.url(),
        options.idle() ? ", idle" : "");
    List<SenChatRest.Session> sessions = register();
    List<LoadGroup> groups = createGroups(sessions);

    List<JvmClientRuntime> loops = new ArrayList<>();
    List<HttpClient> loopHttp = new ArrayList<>();
    for (int i = 0; i < options.loops(); i++) {
      JvmClientRuntime loop = new JvmClientRuntime("loadgen-loop-" + i);
      loops.add(loop);
      loopHttp.add(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(loop.executor())
          .connectTimeout(Duration.ofSeconds(10)).build());
    }
    List<LoadClient> clients = new ArrayList<>(n);
    try {
      createClients(sessions, groups, loops, loopHttp, clients);
      // Memory is the idle benchmark's business; a sending run uses the pid for CPU only (a full GC in the server
      // just before the measured window would only disturb it).
      boolean readMemory = options.idle() && options.serverPid() != 0;
      Optional<ProcessMemory.Reading> before = readMemory ? serverMemory() : Optional.empty();
      int connected = connect(clients);
      LoadReport.ServerMemory memory = null;
      if (readMemory) {
        Thread.sleep(SETTLE_MILLIS);
        Optional<ProcessMemory.Reading> after = serverMemory();
        if (before.isPresent() && after.isPresent()) {
          boolean heap = before.get().hasHeap() && after.get().hasHeap();
          memory = new LoadReport.ServerMemory(before.get().residentKb(), after.get().residentKb(),
              heap ? before.get().heapUsedKb() : -1, heap ? after.get().heapUsedKb() : -1, connected);
          if (!heap) {
            LOG.warn("jcmd could not reach process {}: resident memory only", options.serverPid());
          }
        } else {
          LOG.warn("cannot read /proc/{}/status; no memory figures", options.serverPid());
        }
      }
      int held = connected;
      if (options.idle()) {
        held = hold();
      } else if (connected > 0) {
        send(clients);
        drain();
      }
      closeClients(clients);
      return report(clients, groups, connected, held, memory);
    } finally {
      for (LoadClient client : clients) {
        // Already closed on the normal path; this covers failures half-way (close is idempotent).
        client.loop().execute(client::close);
      }
      for (JvmClientRuntime loop : loops) {
        loop.close();
      }
    }
  }

  // ---- set-up over REST ----

  private List<SenChatRest.Session> register() throws InterruptedException {
    int n = options.userCount();
    SenChatRest.Session[] sessions = new SenChatRest.Session[n];
    bounded("registering users", n, i -> retrying(() -> rest.register(runId + "_" + i, password,
        "Load " + runId + " " + i)).thenAccept(session -> sessions[i] = session));
    return List.of(sessions);
  }

  private List<LoadGroup> createGroups(List<SenChatRest.Session> sessions) throws InterruptedException {
    int groupCount = options.groupCount();
    LoadGroup[] groups = new LoadGroup[groupCount];
    bounded("creating groups", groupCount, g -> {
      List<Integer> members = membersOf(g, sessions.size(), groupCount);
      if (members.size() == 1) {
        // A group of one: nothing to deliver, but the server accepts it, so every client has a conversation.
        return retrying(() -> rest.createGroup(sessions.get(members.get(0)).accessToken(),
            "loadgen " + runId + " #" + g, List.of())).thenAccept(id -> groups[g] = new LoadGroup(id, 1));
      }
      List<Long> others = new ArrayList<>();
      for (int m : members.subList(1, members.size())) {
        others.add(sessions.get(m).userId());
      }
      String owner = sessions.get(members.get(0)).accessToken();
      return retrying(() -> rest.createGroup(owner, "loadgen " + runId + " #" + g, others))
          .thenAccept(id -> groups[g] = new LoadGroup(id, members.size()));
    });
    return List.of(groups);
  }

  /** Accounts are dealt round-robin: group {@code g} has accounts g, g + groups, g + 2 × groups... */
  static List<Integer> membersOf(int group, int users, int groups) {
    List<Integer> members = new ArrayList<>();
    for (int i = group; i < users; i += groups) {
      members.add(i);
    }
    return members;
  }

  /** The group of client {@code client}: clients beyond the accounts reuse them round-robin (idle runs). */
  private int groupOf(int client, int groups) {
    return client % options.userCount() % groups;
  }

  /** Runs {@code count} asynchronous calls with at most {@code httpConcurrency} in flight; fails on the first error. */
  private void bounded(String what, int count, IntFunction<CompletableFuture<?>> call) throws InterruptedException {
    int permits = options.httpConcurrency();
    Semaphore inFlight = new Semaphore(permits);
    AtomicInteger done = new AtomicInteger();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Progress progress = new Progress();
    for (int i = 0; i < count && failure.get() == null; i++) {
      while (!inFlight.tryAcquire(1, TimeUnit.SECONDS)) {
        progress.log(() -> String.format(Locale.ROOT, "%s: %d/%d", what, done.get(), count));
      }
      progress.log(() -> String.format(Locale.ROOT, "%s: %d/%d", what, done.get(), count));
      CompletableFuture<?> future;
      try {
        future = call.apply(i);
      } catch (RuntimeException e) {
        future = CompletableFuture.failedFuture(e);
      }
      future.whenComplete((ignored, error) -> {
        if (error != null) {
          failure.compareAndSet(null, error instanceof CompletionException && error.getCause() != null
              ? error.getCause() : error);
        }
        done.incrementAndGet();
        inFlight.release();
      });
    }
    // Every call has a timeout, so the permits all come back.
    while (!inFlight.tryAcquire(permits, 1, TimeUnit.SECONDS)) {
      progress.log(() -> String.format(Locale.ROOT, "%s: %d/%d", what, done.get(), count));
    }
    if (failure.get() != null) {
      throw new IllegalStateException(what + " failed: " + failure.get().getMessage(), failure.get());
    }
    LOG.info("{}: {} done", what, count);
  }

  /** The call, repeated up to three times when the server is unreachable or busy (no answer, 5xx, 429). */
  private static <T> CompletableFuture<T> retrying(Supplier<CompletableFuture<T>> call) {
    CompletableFuture<T> result = call.get();
    for (int attempt = 1; attempt < REST_ATTEMPTS; attempt++) {
      result = result.exceptionallyCompose(error -> {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof SenChatRest.RestException failed
            && (failed.status() == 0 || failed.status() == 429 || failed.status() >= 500)) {
          return CompletableFuture.supplyAsync(() -> null,
              CompletableFuture.delayedExecutor(1, TimeUnit.SECONDS)).thenCompose(ignored -> call.get());
        }
        return CompletableFuture.failedFuture(cause);
      });
    }
    return result;
  }

  // ---- connecting ----

  private void createClients(List<SenChatRest.Session> sessions, List<LoadGroup> groups, List<JvmClientRuntime> loops,
      List<HttpClient> loopHttp, List<LoadClient> clients) {
    LoadClient.TransportMaker transport = LoadClient.TRANSPORTS.get(options.transport());
    String baseUrl = options.url().toString();
    LoadClient[] made = new LoadClient[options.clients()];
    boolean shared = options.userCount() < options.clients();
    for (int l = 0; l < loops.size(); l++) {
      JvmClientRuntime loop = loops.get(l);
      HttpClient http = loopHttp.get(l);
      int first = l;
      // The engine must be built on its loop; one call per loop builds all of that loop's clients.
      loop.run(() -> {
        for (int i = first; i < made.length; i += loops.size()) {
          SenChatRest.Session session = sessions.get(i % sessions.size());
          if (shared) {
            // A refresh token is spent when used: clients sharing an account would revoke each other's sessions.
            // They sign in again instead, should a reconnect come after their access token expired (15 minutes).
            session = new SenChatRest.Session(session.accessToken(), "", session.userId(), session.username(),
                session.displayName());
          }
          String username = session.username();
          RefreshingTokenSource tokens = new RefreshingTokenSource(rest, loop, session,
              () -> rest.login(username, password));
          LoadGroup group = groups.get(groupOf(i, groups.size()));
          made[i] = new LoadClient(i, runId, session.userId(), tokens, group, baseUrl, loop, http, transport, stats);
        }
      });
    }
    clients.addAll(List.of(made));
  }

  /** Starts every client, at most {@code connectConcurrency} attempts at once; returns how many got online. */
  private int connect(List<LoadClient> clients) throws InterruptedException {
    int n = clients.size();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(options.connectTimeoutSeconds());
    Semaphore attempts = new Semaphore(options.connectConcurrency());
    Progress progress = new Progress();
    LongSupplier online = () -> stats.everOnline.sum();
    Supplier<String> status = () -> String.format(Locale.ROOT, "connecting: %d/%d online", online.getAsLong(), n);
    int started = 0;
    long startNanos = System.nanoTime();
    for (LoadClient client : clients) {
      if (!acquireUntil(attempts, deadline, progress, status)) {
        LOG.warn("connect timeout after starting {} of {} clients", started, n);
        break;
      }
      client.loop().execute(() -> client.start(attempts::release));
      started++;
      progress.log(status);
    }
    while (online.getAsLong() < n && System.nanoTime() < deadline) {
      Thread.sleep(50);
      progress.log(status);
    }
    int connected = (int) online.getAsLong();
    double seconds = (System.nanoTime() - startNanos) / 1e9;
    LOG.info("connected {}/{} in {} s", connected, n, String.format(Locale.ROOT, "%.1f", seconds));
    return connected;
  }

  private static boolean acquireUntil(Semaphore semaphore, long deadline, Progress progress, Supplier<String> status)
      throws InterruptedException {
    while (true) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      if (semaphore.tryAcquire(Math.min(left, TimeUnit.SECONDS.toNanos(1)), TimeUnit.NANOSECONDS)) {
        return true;
      }
      progress.log(status);
    }
  }

  // ---- the run itself ----

  private int hold() throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(options.durationSeconds());
    Progress progress = new Progress();
    while (System.nanoTime() < end) {
      Thread.sleep(Math.max(1, Math.min(250, TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime()))));
      progress.log(() -> String.format(Locale.ROOT, "holding: %d/%d online", stats.online.sum(),
          options.clients()));
    }
    int held = (int) stats.online.sum();
    LOG.info("held {}/{} connections for {} s", held, options.clients(), options.durationSeconds());
    return held;
  }

  private void send(List<LoadClient> clients) throws InterruptedException {
    long period = Math.max(1, Math.round(1e9 / options.rate()));
    long first = System.nanoTime() + SEND_LEAD_NANOS;
    long stop = first + TimeUnit.SECONDS.toNanos(options.durationSeconds());
    for (LoadClient client : clients) {
      // A random phase within one period, so that the clients do not all send in the same millisecond.
      long start = first + (long) (random.nextDouble() * period);
      client.loop().execute(() -> client.startSending(start, stop, period));
    }
    Progress progress = new Progress();
    long lastAcked = 0;
    long lastArrivals = 0;
    long lastNanos = System.nanoTime();
    serverBefore = ServerSendLatency.scrape(http, options.url());
    TimeUnit.NANOSECONDS.sleep(Math.max(0, first - System.nanoTime()));
    windowStart = cpuReading();
    while (System.nanoTime() < stop) {
      Thread.sleep(Math.max(1, Math.min(250, TimeUnit.NANOSECONDS.toMillis(stop - System.nanoTime()))));
      if (progress.due()) {
        long now = System.nanoTime();
        long acked = stats.acked.sum();
        long arrivals = stats.arrivals.sum();
        double seconds = (now - lastNanos) / 1e9;
        LOG.info(String.format(Locale.ROOT, "sending: %.0f acks/s, %.0f deliveries/s, %d awaiting ack, %d/%d online, "
            + "p99 so far %.1f ms, send timers up to %.1f ms late", (acked - lastAcked) / seconds,
            (arrivals - lastArrivals) / seconds, stats.outstanding.sum(), stats.online.sum(), options.clients(),
            stats.latency.snapshot().valueAtPercentile(99) / 1000.0, stats.sendLag.snapshot().max() / 1000.0));
        lastAcked = acked;
        lastArrivals = arrivals;
        lastNanos = now;
      }
    }
    windowEnd = cpuReading();
    serverAfter = ServerSendLatency.scrape(http, options.url());
  }

  /** CPU ticks so far of this process, the server ({@code --server-pid}) and the database ({@code --db-pid}). */
  private record CpuReading(long nanos, long arrivals, long generator, long server, long db) {
  }

  private CpuReading cpuReading() {
    long server = options.serverPid() == 0 ? -1 : CpuTimes.ticks(options.serverPid()).orElse(-1);
    long db = -1;
    if (options.dbPid() != 0) {
      // The postmaster and its backends: an embedded PostgreSQL is not the server's child (pg_ctl daemonises it).
      OptionalLong main = CpuTimes.ticks(options.dbPid());
      db = main.isPresent() ? main.getAsLong() + CpuTimes.descendantTicks(options.dbPid()) : -1;
    }
    return new CpuReading(System.nanoTime(), stats.arrivals.sum(),
        CpuTimes.ticks(ProcessHandle.current().pid()).orElse(-1), server, db);
  }

  private RunCosts costs() {
    LatencyHistogram.Snapshot fromDue = stats.latencyFromDue.snapshot();
    LatencyHistogram.Snapshot lag = stats.sendLag.snapshot();
    CpuReading a = windowStart;
    CpuReading b = windowEnd;
    boolean measured = a != null && b != null;
    // Sends the server completed between the two scrapes: the window, give or take the last acks in flight.
    ServerSendLatency.Histogram server = serverBefore.isPresent() && serverAfter.isPresent()
        ? serverAfter.get().minus(serverBefore.get()) : null;
    return new RunCosts(fromDue.valueAtPercentile(50), fromDue.valueAtPercentile(95), fromDue.valueAtPercentile(99),
        fromDue.max(), lag.valueAtPercentile(50), lag.valueAtPercentile(99), lag.max(), stats.lateSends.sum(),
        measured ? (b.nanos() - a.nanos()) / 1e9 : 0, measured ? b.arrivals() - a.arrivals() : 0,
        measured ? difference(a.generator(), b.generator()) : -1,
        measured ? difference(a.server(), b.server()) : -1,
        measured ? difference(a.db(), b.db()) : -1, server == null ? -1 : server.count(),
        server == null ? -1 : server.percentileMicros(50), server == null ? -1 : server.percentileMicros(95),
        server == null ? -1 : server.percentileMicros(99));
  }

  private static long difference(long before, long after) {
    return before < 0 || after < 0 ? -1 : Math.max(0, after - before);
  }

  /** Waits until every queued message is answered and every expected delivery arrived, or the drain time is up. */
  private void drain() throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(options.drainSeconds());
    Progress progress = new Progress();
    while (System.nanoTime() < deadline
        && (stats.outstanding.sum() > 0 || stats.arrivals.sum() < stats.expected.sum())) {
      Thread.sleep(20);
      progress.log(() -> String.format(Locale.ROOT, "draining: %d awaiting ack, %d/%d delivered",
          stats.outstanding.sum(), stats.arrivals.sum(), stats.expected.sum()));
    }
  }

  private void closeClients(List<LoadClient> clients) {
    for (LoadClient client : clients) {
      client.loop().execute(client::close);
    }
  }

  private LoadReport report(List<LoadClient> clients, List<LoadGroup> groups, int connected, int held,
      LoadReport.ServerMemory memory) {
    long sent = 0;
    long expected = 0;
    long untracked = 0;
    List<SeqSet> acked = new ArrayList<>(groups.size());
    for (LoadGroup group : groups) {
      SeqSet seqs = group.ackedSnapshot();
      acked.add(seqs);
      sent += seqs.size();
      expected += seqs.size() * (group.members() - 1);
      untracked += seqs.untracked();
    }
    LoadClient.Tally total = LoadClient.Tally.ZERO;
    int loopCount = options.loops();
    for (int l = 0; l < loopCount && l < clients.size(); l++) {
      int first = l;
      // On the clients' loop, after their close (queued before this): nothing else touches their counts any more.
      LoadClient.Tally loopTotal = clients.get(l).loop().call(() -> {
        LoadClient.Tally sum = LoadClient.Tally.ZERO;
        for (int i = first; i < clients.size(); i += loopCount) {
          sum = sum.plus(clients.get(i).tally(acked.get(groupOf(i, groups.size()))));
        }
        return sum;
      });
      total = total.plus(loopTotal);
    }
    long delivered = total.delivered();
    long rawDelivered = total.rawDelivered();
    untracked += total.untracked();
    if (rawDelivered != delivered) {
      LOG.warn("raw frames carried {} distinct deliveries, the engine passed on {}", rawDelivered, delivered);
    }
    if (!options.idle()) {
      LOG.info("send timers fired up to {} ms late; {} sends more than {} ms late (sent late, none skipped)",
          stats.sendLag.snapshot().max() / 1000, stats.lateSends.sum(),
          TimeUnit.NANOSECONDS.toMillis(LoadClient.LATE_NANOS));
    }
    ProcessMemory.residentKb(ProcessHandle.current().pid()).ifPresent(kb ->
        LOG.info("the load generator itself: {} MB resident for {} clients", kb / 1024, clients.size()));
    if (stats.suppressedWarnings() > 0) {
      LOG.warn("{} more warnings not logged", stats.suppressedWarnings());
    }
    LatencyHistogram.Snapshot latency = stats.latency.snapshot();
    return new LoadReport(options.transport(), options.idle(), options.clients(), connected, held,
        options.durationSeconds(), sent, delivered, expected, total.duplicates(), total.rawDuplicates(),
        total.refused(), total.failed(), untracked,
        latency.valueAtPercentile(50), latency.valueAtPercentile(95), latency.valueAtPercentile(99), latency.max(),
        options.idle() ? 0 : options.durationSeconds(), memory, options.idle() ? null : costs());
  }

  private Optional<ProcessMemory.Reading> serverMemory() {
    if (options.serverPid() == 0) {
      return Optional.empty();
    }
    LOG.info("reading the memory of process {} (after a full GC when it is a JVM)", options.serverPid());
    return ProcessMemory.read(options.serverPid());
  }

  /** Logs a progress line at most every five seconds. */
  private static final class Progress {

    private long last = System.nanoTime();

    boolean due() {
      long now = System.nanoTime();
      if (now - last >= PROGRESS_NANOS) {
        last = now;
        return true;
      }
      return false;
    }

    void log(Supplier<String> line) {
      if (due()) {
        LOG.info(line.get());
      }
    }
  }
}
