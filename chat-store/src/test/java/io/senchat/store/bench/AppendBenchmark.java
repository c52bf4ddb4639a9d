package io.senchat.store.bench;

import io.senchat.domain.conversation.Conversation;
import io.senchat.domain.conversation.ConversationId;
import io.senchat.domain.user.UserId;
import io.senchat.store.ChatStore;
import io.senchat.store.StoreOptions;
import io.senchat.store.auth.Argon2Settings;
import io.senchat.store.conversation.NewGroup;
import io.senchat.store.db.Database;
import io.senchat.store.db.DatabaseConfig;
import io.senchat.store.db.EmbeddedDatabase;
import io.senchat.store.db.EmbeddedDatabaseConfig;
import io.senchat.store.message.GroupCommitConfig;
import io.senchat.store.message.MessageStore;
import io.senchat.store.message.MessageWriter;
import io.senchat.store.message.NewMessage;
import io.senchat.store.user.NewUser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.customizer.Define;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * Message append throughput of the PostgreSQL store (not a test): one hot conversation and 1,000 conversations, each
 * with one transaction per append and through the group-commit writer, 8 writer threads, warm-up then a measured
 * period, one line per scenario.
 *
 * <pre>
 * cd /work/main &amp;&amp; mvn -o -q -pl chat-store test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=io.senchat.store.bench.AppendBenchmark [-Dbench.seconds=10] [-Dbench.warmup=3]
 * </pre>
 *
 * <p>Options: {@code -Dbench.writers=8}, {@code -Dbench.window=64} (sends in flight per writer thread through the
 * group-commit writer; 1 shows latency at low load), {@code -Dbench.groupOnly=true} (skip the tx-per-append scenarios),
 * {@code -Dbench.hotOnly=true}, {@code -Dbench.durable=false} (temporary cluster without fsync, for comparison).
 *
 * <p>Runs on a durable embedded PostgreSQL (fsync and synchronous_commit on, data in a temporary directory) unless
 * {@code CHAT_BENCH_PG_URL} (and {@code CHAT_BENCH_PG_USER}, {@code CHAT_BENCH_PG_PASSWORD}) names an external
 * server, where it works in a fresh schema that it drops at the end.
 */
public final class AppendBenchmark {

  private static final int WRITERS = Integer.getInteger("bench.writers", 8);
  private static final int CONVERSATIONS = 1000;
  /** Sends a writer thread keeps in flight through the group-commit writer (a server has many connections). */
  private static final int WINDOW = Integer.getInteger("bench.window", 64);

  private AppendBenchmark() {
  }

  public static void main(String[] args) throws Exception {
    int seconds = Integer.getInteger("bench.seconds", 10);
    int warmup = Integer.getInteger("bench.warmup", 3);
    String url = System.getenv("CHAT_BENCH_PG_URL");
    EmbeddedDatabase embedded = null;
    Path data = null;
    DatabaseConfig config;
    if (url == null || url.isBlank()) {
      data = Files.createTempDirectory("senchat-bench");
      // -Dbench.durable=false shows what fsync costs; the published numbers keep durability on.
      embedded = EmbeddedDatabase.start(Boolean.parseBoolean(System.getProperty("bench.durable", "true"))
          ? EmbeddedDatabaseConfig.kept(data.resolve("postgres")) : EmbeddedDatabaseConfig.temporary());
      config = embedded.databaseConfig(WRITERS + 4);
    } else {
      config = new DatabaseConfig(url, System.getenv().getOrDefault("CHAT_BENCH_PG_USER", "postgres"),
          System.getenv().getOrDefault("CHAT_BENCH_PG_PASSWORD", ""), WRITERS + 4, "");
    }
    String schema = "bench_" + Long.toHexString(System.nanoTime());
    StoreOptions options = StoreOptions.defaults().withPasswordHashing(Argon2Settings.forTests()).withSchema(schema);
    try (ChatStore store = ChatStore.open(config, options)) {
      try (var pool = Database.pool(config.withSchema(schema).withPoolSize(2))) {
        System.out.println("# " + describe(Database.jdbi(pool), embedded != null));
      }
      List<UserId> users = new ArrayList<>();
      for (int i = 0; i < WRITERS; i++) {
        users.add(store.users().register(new NewUser("bench" + i, "Bench " + i, "password" + i)).id());
      }
      Conversation hot = store.conversations().createGroup(NewGroup.of(users.get(0), "hot", users));
      List<ConversationId> many = new ArrayList<>();
      for (int i = 0; i < CONVERSATIONS; i++) {
        many.add(store.conversations().createGroup(NewGroup.of(users.get(0), "c" + i, users)).id());
      }

      System.out.printf(Locale.ROOT, "%-44s %12s %10s %10s %10s%n", "scenario", "appends/s", "p50 ms", "p99 ms",
          "appends");
      if (!Boolean.getBoolean("bench.groupOnly")) {
        run("hot conversation, tx per append", seconds, warmup, users, w -> hot.id(), store::messages, null);
        if (!Boolean.getBoolean("bench.hotOnly")) {
          run("1000 conversations, tx per append", seconds, warmup, users, new Spread(many), store::messages, null);
        }
      }
      try (MessageWriter writer = store.startWriter(GroupCommitConfig.DEFAULTS)) {
        run("hot conversation, group commit", seconds, warmup, users, w -> hot.id(), null, writer);
        run("1000 conversations, group commit", seconds, warmup, users, new Spread(many), null, writer);
      }
    } finally {
      if (embedded != null) {
        embedded.close();
        deleteTree(data);
      } else {
        dropSchema(config, schema);
      }
    }
  }

  /** Each writer thread walks the conversations from its own offset. */
  private record Spread(List<ConversationId> conversations) implements Function<Long, ConversationId> {

    @Override
    public ConversationId apply(Long counter) {
      return conversations.get(Math.floorMod(counter * 7919, conversations.size()));
    }
  }

  private static void run(String name, int seconds, int warmup, List<UserId> users,
      Function<Long, ConversationId> target, Supplier<MessageStore> direct, MessageWriter writer)
      throws InterruptedException {
    AtomicBoolean measuring = new AtomicBoolean(false);
    AtomicBoolean stop = new AtomicBoolean(false);
    AtomicLong counter = new AtomicLong();
    AtomicLong completed = new AtomicLong();
    AtomicLong failed = new AtomicLong();
    Recorder recorder = new Recorder();
    List<Thread> threads = new ArrayList<>();
    String run = Long.toHexString(System.nanoTime());
    for (int w = 0; w < WRITERS; w++) {
      int writerIndex = w;
      threads.add(new Thread(() -> {
        UserId sender = users.get(writerIndex);
        Semaphore window = new Semaphore(WINDOW);
        long i = 0;
        while (!stop.get()) {
          NewMessage message = NewMessage.text(target.apply(counter.getAndIncrement()), sender,
              run + "-" + writerIndex + "-" + i++, "benchmark message");
          if (writer == null) {
            long start = System.nanoTime();
            direct.get().append(message);
            if (measuring.get()) {
              completed.incrementAndGet();
              recorder.record(System.nanoTime() - start);
            }
          } else {
            window.acquireUninterruptibly();
            long start = System.nanoTime();
            writer.submit(message).whenComplete((result, error) -> {
              if (error != null) {
                failed.incrementAndGet();
              } else if (measuring.get()) {
                completed.incrementAndGet();
                recorder.record(System.nanoTime() - start);
              }
              window.release();
            });
          }
        }
        window.acquireUninterruptibly(WINDOW);
      }, "bench-writer-" + w));
    }
    threads.forEach(Thread::start);
    Thread.sleep(warmup * 1000L);
    long start = System.nanoTime();
    measuring.set(true);
    Thread.sleep(seconds * 1000L);
    measuring.set(false);
    long elapsed = System.nanoTime() - start;
    long appended = completed.get();
    stop.set(true);
    for (Thread thread : threads) {
      thread.join();
    }
    long[] all = recorder.sorted();
    System.out.printf(Locale.ROOT, "%-44s %12.0f %10.2f %10.2f %10d%s%n", name, appended / (elapsed / 1e9),
        percentile(all, 0.50), percentile(all, 0.99), appended,
        failed.get() > 0 ? "  (" + failed.get() + " failed)" : "");
  }

  /** Latency samples from many threads. */
  private static final class Recorder {

    private long[] samples = new long[1 << 16];
    private int size;

    synchronized void record(long nanos) {
      if (size == samples.length) {
        samples = Arrays.copyOf(samples, size * 2);
      }
      samples[size++] = nanos;
    }

    synchronized long[] sorted() {
      long[] copy = Arrays.copyOf(samples, size);
      Arrays.sort(copy);
      return copy;
    }
  }

  private static double percentile(long[] sorted, double p) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    return sorted[Math.min(sorted.length - 1, (int) (p * sorted.length))] / 1e6;
  }

  private static String describe(Jdbi jdbi, boolean embedded) {
    return jdbi.withHandle(h -> h.createQuery("""
            SELECT version() || ' | fsync=' || current_setting('fsync') || ' synchronous_commit='
                   || current_setting('synchronous_commit') || ' wal_sync_method=' || current_setting('wal_sync_method')
                   || ' full_page_writes=' || current_setting('full_page_writes')""")
        .mapTo(String.class).one()) + (embedded ? " | embedded" : " | external")
        + " | " + Runtime.getRuntime().availableProcessors() + " CPUs";
  }

  private static void dropSchema(DatabaseConfig config, String schema) {
    try (var pool = Database.pool(config.withPoolSize(2))) {
      Database.jdbi(pool).useExtension(BenchDao.class, dao -> dao.dropSchema(schema));
    }
  }

  /** Benchmark-only DDL; the schema name is generated here. */
  interface BenchDao {

    @SqlUpdate("DROP SCHEMA IF EXISTS <schema> CASCADE")
    void dropSchema(@Define("schema") String schema);
  }

  private static void deleteTree(Path root) throws java.io.IOException {
    try (var paths = Files.walk(root)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
