package io.senchat.examples.loadgen;

import java.net.URI;
import java.util.Locale;

/**
 * How one load-generator run is shaped; {@link #parse} reads it from the command line and {@link #defaults} gives a
 * starting point for programs and tests.
 *
 * @param url the server, which must be this machine (see {@link LoopbackGuard})
 * @param clients simulated users, each with its own account and connection
 * @param groupSize members per group; the clients are dealt round-robin into ceil(clients / groupSize) groups, so
 *     every group has at most this many members and sizes differ by at most one
 * @param rate messages per second sent by <em>each</em> client (the total offered load is clients × rate)
 * @param durationSeconds how long the clients send (or, with {@code idle}, stay connected)
 * @param transport real-time transport, a key of {@link LoadClient#TRANSPORTS}
 * @param idle connect and hold, send nothing (the connection-memory benchmark)
 * @param users accounts to register; 0 means one per client. Fewer (idle runs only) makes clients share accounts as
 *     one person's devices do, because registering is slow by design (the server hashes every password with Argon2id)
 * @param serverPid the server's process id: with {@code idle}, to read its memory; when sending, its CPU use (from
 *     /proc); 0 for none
 * @param dbPid the database's main process (e.g. PostgreSQL's postmaster), whose CPU use, with its children's, is
 *     reported for a sending run; 0 for none
 * @param loops client event-loop threads that the clients share
 * @param connectConcurrency connection attempts in flight at once
 * @param httpConcurrency REST calls (registration, group creation) in flight at once
 * @param connectTimeoutSeconds how long to wait for every client to be online before going on without the rest
 * @param drainSeconds after sending stops, how long to wait for the last acks and deliveries
 */
public record LoadGenOptions(URI url, int clients, int groupSize, double rate, int durationSeconds, String transport,
    boolean idle, int users, long serverPid, long dbPid, int loops, int connectConcurrency, int httpConcurrency, int connectTimeoutSeconds,
    int drainSeconds) {

  /** More clients than this would exhaust the ephemeral ports of one loopback address anyway. */
  public static final int MAX_CLIENTS = 50_000;
  /** The server's default inbound limit is 50 frames per second per connection; stay clear of it. */
  public static final double MAX_RATE = 40;
  /** The largest group the server allows. */
  public static final int MAX_GROUP_SIZE = 500;

  static final String USAGE = """
      Usage: java -jar loadgen.jar --url http://127.0.0.1:PORT [flags]

        --url <url>                  the server; only this machine is accepted (localhost, 127.0.0.0/8, [::1])
        --clients <n>                simulated users, each registered and connected (default 100, max 50000)
        --group-size <g>             members per group conversation, 2..500 (default 10)
        --rate <msgs/s>              messages per second sent by EACH client, up to 40 (default 1; 0.2 = one per 5 s)
        --duration <seconds>         how long to send, or to hold connections with --idle (default 30)
        --transport <name>           real-time transport: ws, longpoll, or auto (WebSocket, falling back to
                                     long-poll when it is blocked; default ws)
        --idle                       connect every client, hold them for --duration, send nothing
        --users <n>                  with --idle: register only n accounts and share them among the clients, as
                                     devices of one person do (registering costs the server ~0.1 s of CPU each)
        --server-pid <pid>           with --idle: read the server's memory before and after connecting; when
                                     sending: report its CPU use during the sending window (/proc/<pid>/stat)
        --db-pid <pid>               when sending: also report the CPU use of this process and its children, e.g.
                                     PostgreSQL's postmaster (first line of <data-dir>/postgres/postmaster.pid)
        --loops <n>                  client event-loop threads (default: number of CPUs)
        --connect-concurrency <n>    connection attempts in flight (default 200)
        --http-concurrency <n>       registrations in flight (default 4; the server hashes every password)
        --connect-timeout <seconds>  wait this long for all clients to be online (default 120)
        --drain <seconds>            after sending, wait up to this long for acks and deliveries (default 10)

      Prints one result line on stdout (a sending run follows it with loadgen-schedule:, loadgen-cpu: and, when
      the server has /metrics, loadgen-server: lines; progress goes to stderr) and exits 1 when a client did not
      connect or a message was lost, 2 on bad flags, 3 when the run could not be set up.
      """;

  public LoadGenOptions {
    if (url == null || transport == null) {
      throw new IllegalArgumentException("url and transport must not be null");
    }
    LoopbackGuard.requireLoopback(url.toString());
    check(clients >= 1 && clients <= MAX_CLIENTS, "--clients must be 1.." + MAX_CLIENTS);
    check(groupSize >= 2 && groupSize <= MAX_GROUP_SIZE, "--group-size must be 2.." + MAX_GROUP_SIZE);
    check(rate > 0 && rate <= MAX_RATE, "--rate must be above 0 and at most " + (int) MAX_RATE
        + " messages per second per client");
    check(durationSeconds >= 1 && durationSeconds <= 24 * 3600, "--duration must be 1..86400 seconds");
    check(LoadClient.TRANSPORTS.containsKey(transport), "--transport must be one of "
        + LoadClient.TRANSPORTS.keySet());
    check(users >= 0 && users <= clients, "--users must be 1..clients");
    check(idle || users == 0 || users == clients, "--users is for --idle runs: a sending run needs one account per "
        + "client to count deliveries");
    check(serverPid >= 0, "--server-pid must be a process id");
    check(dbPid >= 0, "--db-pid must be a process id");
    check(loops >= 1 && loops <= 64, "--loops must be 1..64");
    check(connectConcurrency >= 1 && connectConcurrency <= 10_000, "--connect-concurrency must be 1..10000");
    check(httpConcurrency >= 1 && httpConcurrency <= 256, "--http-concurrency must be 1..256");
    check(connectTimeoutSeconds >= 1 && connectTimeoutSeconds <= 3600, "--connect-timeout must be 1..3600 seconds");
    check(drainSeconds >= 0 && drainSeconds <= 600, "--drain must be 0..600 seconds");
  }

  /** The defaults of the command line, aimed at {@code url}. */
  public static LoadGenOptions defaults(String url) {
    return new LoadGenOptions(LoopbackGuard.requireLoopback(url), 100, 10, 1, 30, "ws", false, 0, 0, 0,
        Math.max(1, Runtime.getRuntime().availableProcessors()), 200, 4, 120, 10);
  }

  /**
   * Reads the command line.
   *
   * @throws IllegalArgumentException with a message for the user, for unknown or malformed flags
   */
  public static LoadGenOptions parse(String[] args) {
    String url = null;
    int clients = 100;
    int groupSize = 10;
    double rate = 1;
    int duration = 30;
    String transport = "ws";
    boolean idle = false;
    int users = 0;
    long serverPid = 0;
    long dbPid = 0;
    int loops = Math.max(1, Runtime.getRuntime().availableProcessors());
    int connectConcurrency = 200;
    int httpConcurrency = 4;
    int connectTimeout = 120;
    int drain = 10;
    for (int i = 0; i < args.length; i++) {
      String flag = args[i];
      if (flag.equals("--idle")) {
        idle = true;
        continue;
      }
      if (!flag.startsWith("--")) {
        throw new IllegalArgumentException("unexpected argument: " + flag);
      }
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException(flag + " needs a value");
      }
      String value = args[++i];
      switch (flag) {
        case "--url" -> url = value;
        case "--clients" -> clients = integer(flag, value);
        case "--group-size" -> groupSize = integer(flag, value);
        case "--rate" -> rate = decimal(flag, value);
        case "--duration" -> duration = integer(flag, value);
        case "--transport" -> transport = value.toLowerCase(Locale.ROOT);
        case "--users" -> users = integer(flag, value);
        case "--server-pid" -> serverPid = integer(flag, value);
        case "--db-pid" -> dbPid = integer(flag, value);
        case "--loops" -> loops = integer(flag, value);
        case "--connect-concurrency" -> connectConcurrency = integer(flag, value);
        case "--http-concurrency" -> httpConcurrency = integer(flag, value);
        case "--connect-timeout" -> connectTimeout = integer(flag, value);
        case "--drain" -> drain = integer(flag, value);
        default -> throw new IllegalArgumentException("unknown flag " + flag);
      }
    }
    return new LoadGenOptions(LoopbackGuard.requireLoopback(url), clients, groupSize, rate, duration, transport,
        idle, users, serverPid, dbPid, loops, connectConcurrency, httpConcurrency, connectTimeout, drain);
  }

  /** A copy with another shape of traffic (and one account per client). */
  public LoadGenOptions withTraffic(int newClients, int newGroupSize, double newRate, int newDurationSeconds) {
    return new LoadGenOptions(url, newClients, newGroupSize, newRate, newDurationSeconds, transport, idle, 0,
        serverPid, dbPid, loops, connectConcurrency, httpConcurrency, connectTimeoutSeconds, drainSeconds);
  }

  /** A copy that holds connections instead of sending ({@code true}) or sends, with {@code newUsers} accounts. */
  public LoadGenOptions withIdle(boolean newIdle, int newUsers) {
    return new LoadGenOptions(url, clients, groupSize, rate, durationSeconds, transport, newIdle, newUsers, serverPid,
        dbPid, loops, connectConcurrency, httpConcurrency, connectTimeoutSeconds, drainSeconds);
  }

  /** A copy over another transport, a key of {@link LoadClient#TRANSPORTS}. */
  public LoadGenOptions withTransport(String newTransport) {
    return new LoadGenOptions(url, clients, groupSize, rate, durationSeconds, newTransport, idle, users, serverPid,
        dbPid, loops, connectConcurrency, httpConcurrency, connectTimeoutSeconds, drainSeconds);
  }

  /** A copy that reads the resident memory of process {@code pid} (0: none). */
  public LoadGenOptions withServerPid(long pid) {
    return new LoadGenOptions(url, clients, groupSize, rate, durationSeconds, transport, idle, users, pid, dbPid, loops,
        connectConcurrency, httpConcurrency, connectTimeoutSeconds, drainSeconds);
  }

  /** Accounts registered: one per client unless {@code users} says fewer. */
  public int userCount() {
    return users == 0 ? clients : users;
  }

  /** Number of group conversations the accounts are dealt into. */
  public int groupCount() {
    return (userCount() + groupSize - 1) / groupSize;
  }

  private static void check(boolean condition, String problem) {
    if (!condition) {
      throw new IllegalArgumentException(problem);
    }
  }

  private static int integer(String flag, String value) {
    try {
      return Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(flag + " must be a whole number: " + value);
    }
  }

  private static double decimal(String flag, String value) {
    try {
      double parsed = Double.parseDouble(value.strip());
      if (Double.isNaN(parsed) || Double.isInfinite(parsed)) {
        throw new NumberFormatException();
      }
      return parsed;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(flag + " must be a number: " + value);
    }
  }
}
