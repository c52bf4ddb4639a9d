package io.senchat.store.message;

import io.senchat.domain.common.ChatException;
import io.senchat.domain.common.ErrorCode;
import io.senchat.store.internal.StoreErrors;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link MessageWriter} that batches appends: each writer thread drains its bounded queue into one transaction of
 * up to {@code maxBatch} messages, so a single WAL flush acknowledges many sends.
 *
 * <p>Conversations are sharded over writers by id, which keeps each conversation's messages in submission order
 * and means two writers never contend for one conversation's row lock. When a batch transaction fails, its
 * messages are retried one per transaction, so one bad message fails alone.
 */
final class GroupCommitWriter implements MessageWriter {

  private static final Logger LOG = LoggerFactory.getLogger(GroupCommitWriter.class);
  private static final long IDLE_POLL_MILLIS = 50;

  private record Pending(NewMessage message, CompletableFuture<AppendResult> future) {
  }

  private final Appender appender;
  private final GroupCommitConfig config;
  private final List<BlockingQueue<Pending>> queues;
  private final List<Thread> threads;
  // One per writer: futures complete there, so callers' callbacks never delay the next batch.
  private final List<ExecutorService> completions;
  private volatile boolean open = true;
  // Totals for the summary logged on close, to tune batch size and linger.
  private final LongAdder batches = new LongAdder();
  private final LongAdder messagesWritten = new LongAdder();
  private final LongAdder transactionNanos = new LongAdder();

  GroupCommitWriter(Appender appender, GroupCommitConfig config) {
    this.appender = appender;
    this.config = config;
    this.queues = new ArrayList<>(config.writers());
    this.threads = new ArrayList<>(config.writers());
    this.completions = new ArrayList<>(config.writers());
    for (int i = 0; i < config.writers(); i++) {
      BlockingQueue<Pending> queue = new ArrayBlockingQueue<>(config.queueCapacity());
      String name = "senchat-group-commit-" + i;
      ExecutorService completion = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, name + "-acks");
        thread.setDaemon(true);
        return thread;
      });
      completions.add(completion);
      Thread thread = new Thread(() -> run(queue, completion), name);
      // Daemon: queued but unacknowledged messages may be lost on exit, which the ack contract allows.
      thread.setDaemon(true);
      queues.add(queue);
      threads.add(thread);
    }
    threads.forEach(Thread::start);
  }

  @Override
  public CompletableFuture<AppendResult> submit(NewMessage message) {
    CompletableFuture<AppendResult> future = new CompletableFuture<>();
    enqueue(message, future);
    return future;
  }

  @Override
  public void submit(NewMessage message, BiConsumer<AppendResult, Throwable> whenDone) {
    CompletableFuture<AppendResult> future = new CompletableFuture<>();
    future.whenComplete(whenDone);
    enqueue(message, future);
  }

  private void enqueue(NewMessage message, CompletableFuture<AppendResult> future) {
    if (!open) {
      future.completeExceptionally(new ChatException(ErrorCode.UNAVAILABLE, "message writer is closed"));
      return;
    }
    long id = message.conversationId().value();
    int shard = Math.floorMod(Long.hashCode(id * 0x9E3779B97F4A7C15L), queues.size());
    if (!queues.get(shard).offer(new Pending(message, future))) {
      future.completeExceptionally(new ChatException(ErrorCode.UNAVAILABLE,
          "message writer queue is full (" + config.queueCapacity() + " pending); retry later"));
    }
  }

  @Override
  public void close() {
    open = false;
    for (Thread thread : threads) {
      try {
        thread.join(TimeUnit.SECONDS.toMillis(30));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    for (ExecutorService completion : completions) {
      completion.shutdown();
      try {
        completion.awaitTermination(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    long batchCount = batches.sum();
    LOG.debug("Group commit writer closed: {} messages in {} batches (avg {} per batch, {} ms per transaction)",
        messagesWritten.sum(), batchCount, batchCount == 0 ? 0 : messagesWritten.sum() / batchCount,
        batchCount == 0 ? 0 : transactionNanos.sum() / batchCount / 1_000_000.0);
    // A submit racing with close may have queued after its writer's last look; nobody will write it.
    for (BlockingQueue<Pending> queue : queues) {
      for (Pending pending; (pending = queue.poll()) != null; ) {
        pending.future().completeExceptionally(new ChatException(ErrorCode.UNAVAILABLE, "message writer closed"));
      }
    }
  }

  private void run(BlockingQueue<Pending> queue, ExecutorService completion) {
    List<Pending> batch = new ArrayList<>(config.maxBatch());
    long lingerNanos = config.linger().toNanos();
    try {
      while (true) {
        Pending first = queue.poll(IDLE_POLL_MILLIS, TimeUnit.MILLISECONDS);
        if (first == null) {
          if (!open) {
            return;
          }
          continue;
        }
        batch.add(first);
        queue.drainTo(batch, config.maxBatch() - batch.size());
        if (lingerNanos > 0 && batch.size() < config.maxBatch()) {
          long deadline = System.nanoTime() + lingerNanos;
          for (long left = lingerNanos; left > 0 && batch.size() < config.maxBatch();
              left = deadline - System.nanoTime()) {
            Pending next = queue.poll(left, TimeUnit.NANOSECONDS);
            if (next == null) {
              break;
            }
            batch.add(next);
            queue.drainTo(batch, config.maxBatch() - batch.size());
          }
        }
        List<Pending> committing = List.copyOf(batch);
        batch.clear();
        Runnable acks = commit(committing);
        completion.execute(acks);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      for (Pending pending : batch) {
        pending.future().completeExceptionally(new ChatException(ErrorCode.UNAVAILABLE, "message writer stopped"));
      }
    }
  }

  /** Writes a batch and returns the task that completes its futures (to run off the writer thread). */
  private Runnable commit(List<Pending> batch) {
    List<NewMessage> messages = new ArrayList<>(batch.size());
    for (Pending pending : batch) {
      messages.add(pending.message());
    }
    Object[] outcomes = new Object[batch.size()];
    long started = System.nanoTime();
    try {
      List<Appender.Outcome> results = appender.appendAll(messages, false);
      batches.increment();
      messagesWritten.add(batch.size());
      transactionNanos.add(System.nanoTime() - started);
      for (int i = 0; i < outcomes.length; i++) {
        Appender.Outcome outcome = results.get(i);
        outcomes[i] = outcome.rejection() != null ? outcome.rejection() : outcome.result();
      }
    } catch (RuntimeException e) {
      ChatException failure = StoreErrors.translate(e);
      if (failure.code() == ErrorCode.UNAVAILABLE) {
        // The database is down or overloaded: one transaction per message would only wait longer.
        LOG.warn("Group commit of {} messages failed: {}", batch.size(), failure.getMessage());
        Arrays.fill(outcomes, failure);
      } else {
        LOG.debug("Group commit of {} messages failed ({}); appending them one by one", batch.size(),
            failure.getMessage());
        for (int i = 0; i < outcomes.length; i++) {
          try {
            outcomes[i] = appender.appendOne(messages.get(i));
          } catch (RuntimeException single) {
            outcomes[i] = StoreErrors.translate(single);
          }
        }
      }
    }
    return () -> {
      for (int i = 0; i < outcomes.length; i++) {
        if (outcomes[i] instanceof AppendResult result) {
          batch.get(i).future().complete(result);
        } else {
          batch.get(i).future().completeExceptionally((Throwable) outcomes[i]);
        }
      }
    };
  }
}
