package io.senchat.store.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.senchat.domain.conversation.Conversation;
import io.senchat.domain.user.UserId;
import io.senchat.store.testing.StoreContract;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * 8 threads × 1,000 messages into one conversation, every 10th sent twice (every 50th of those concurrently from
 * another thread): the seqs must be exactly 1..8000, one row per client id, and every retry must get the original.
 */
public abstract class ConcurrencyContract extends StoreContract {

  private static final int THREADS = 8;
  private static final int PER_THREAD = 1000;

  @Test
  void oneTransactionPerAppend() throws Exception {
    Conversation c = groupOfSenders();
    ExecutorService retries = Executors.newFixedThreadPool(4);
    try {
      run(c, message -> CompletableFuture.completedFuture(store.messages().append(message)), retries, false);
    } finally {
      retries.shutdownNow();
    }
  }

  @Test
  void throughTheGroupCommitWriter() throws Exception {
    Conversation c = groupOfSenders();
    ExecutorService retries = Executors.newFixedThreadPool(4);
    try (MessageWriter writer = store.startWriter(new GroupCommitConfig(2, 10_000, 128, Duration.ofMillis(1)))) {
      run(c, writer::submit, retries, true);
    } finally {
      retries.shutdownNow();
    }
  }

  private Conversation groupOfSenders() {
    List<UserId> senders = newUsers(THREADS);
    return newGroup(senders.get(0), senders.subList(1, THREADS).toArray(UserId[]::new));
  }

  private void run(Conversation c, Function<NewMessage, CompletableFuture<AppendResult>> send,
      ExecutorService retries, boolean pipelined) throws Exception {
    List<UserId> senders = store.memberships().list(c.id()).stream().map(m -> m.userId()).toList();
    Map<String, List<AppendResult>> results = new ConcurrentHashMap<>();
    List<Thread> threads = new ArrayList<>();
    List<Throwable> failures = new CopyOnWriteArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      UserId sender = senders.get(t);
      int thread = t;
      threads.add(new Thread(() -> {
        try {
          // Pipelined senders keep up to 64 sends in flight, as a server with many connections would.
          Semaphore window = new Semaphore(pipelined ? 64 : 1);
          List<CompletableFuture<?>> pending = new ArrayList<>();
          for (int i = 0; i < PER_THREAD; i++) {
            String clientId = "t" + thread + "-" + i;
            NewMessage message = NewMessage.text(c.id(), sender, clientId, "message " + i);
            window.acquire();
            CompletableFuture<AppendResult> concurrent = null;
            CyclicBarrier together = new CyclicBarrier(2);
            if (i % 50 == 0) {
              // The same send from another thread at the same moment (a client retrying on a second socket).
              concurrent = CompletableFuture.supplyAsync(() -> {
                await(together);
                return send.apply(message);
              }, retries).thenCompose(f -> f);
              await(together);
            }
            CompletableFuture<?> done = send.apply(message).thenAccept(r -> record(results, clientId, r));
            if (concurrent != null) {
              done = done.thenCombine(concurrent.thenAccept(r -> record(results, clientId, r)), (x, y) -> x);
            }
            if (i % 10 == 0) {
              // A sequential retry: the client did not get the ack and sends again.
              done = done.thenCompose(x -> send.apply(message)).thenAccept(r -> record(results, clientId, r));
            }
            pending.add(done.whenComplete((x, e) -> window.release()));
          }
          CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).join();
        } catch (Throwable e) {
          failures.add(e);
        }
      }, "sender-" + t));
    }
    threads.forEach(Thread::start);
    for (Thread thread : threads) {
      thread.join();
    }
    assertTrue(failures.isEmpty(), () -> "failures: " + failures);

    Map<String, Object> stats = jdbi.withHandle(h -> h.createQuery("""
            SELECT count(*) AS rows, min(seq) AS min_seq, max(seq) AS max_seq, count(DISTINCT seq) AS seqs,
                   count(DISTINCT (sender_id, client_id)) AS client_ids
            FROM message WHERE conversation_id = :c""")
        .bind("c", c.id().value()).mapToMap().one());
    long total = (long) THREADS * PER_THREAD;
    assertEquals(total, ((Number) stats.get("rows")).longValue(), stats::toString);
    assertEquals(1L, ((Number) stats.get("min_seq")).longValue());
    assertEquals(total, ((Number) stats.get("max_seq")).longValue());
    assertEquals(total, ((Number) stats.get("seqs")).longValue());
    assertEquals(total, ((Number) stats.get("client_ids")).longValue());
    assertEquals(total, lastSeq(c));
    long events = jdbi.withHandle(h -> h.createQuery(
            "SELECT count(*) FROM change_event WHERE conversation_id = :c AND kind = 'MESSAGE_NEW'")
        .bind("c", c.id().value()).mapTo(Long.class).one());
    assertEquals(total, events);

    assertEquals(total, results.size());
    int sends = THREADS * (PER_THREAD + PER_THREAD / 10 + PER_THREAD / 50);
    assertEquals(sends, results.values().stream().mapToInt(List::size).sum());
    Set<Long> seqs = new HashSet<>();
    results.forEach((clientId, attempts) -> {
      long seq = attempts.get(0).message().seq();
      assertTrue(seqs.add(seq), "seq " + seq + " given to two client ids");
      for (AppendResult attempt : attempts) {
        assertEquals(seq, attempt.message().seq(), () -> clientId + ": every retry returns the original seq");
        assertEquals(clientId, attempt.message().clientId());
      }
      assertEquals(1, attempts.stream().filter(r -> !r.duplicate()).count(),
          () -> clientId + ": exactly one attempt wrote the row, the others are duplicates");
    });
  }

  private static void record(Map<String, List<AppendResult>> results, String clientId, AppendResult result) {
    results.computeIfAbsent(clientId, k -> new CopyOnWriteArrayList<>()).add(result);
  }

  private static void await(CyclicBarrier barrier) {
    try {
      barrier.await();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
