package io.senchat.store.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.senchat.domain.common.ChatException;
import io.senchat.domain.common.ErrorCode;
import io.senchat.domain.conversation.Conversation;
import io.senchat.domain.message.Attachment;
import io.senchat.domain.message.MessageKind;
import io.senchat.domain.user.UserId;
import io.senchat.store.testing.StoreContract;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Test;

/** Contract of the group-commit {@link MessageWriter}. */
public abstract class GroupCommitWriterContract extends StoreContract {

  @Test
  void aBadMessageInABatchFailsAloneWithoutAGap() {
    UserId a = newUser();
    Conversation c = newGroup(a);
    Attachment huge = new Attachment("x.bin", "application/octet-stream", 200L << 20, 0, 0, 0, "https://cdn/x", "");
    // A long linger makes the five submissions one batch; the fourth violates a CHECK and aborts it.
    try (MessageWriter writer = store.startWriter(new GroupCommitConfig(1, 100, 100, Duration.ofMillis(300)))) {
      List<CompletableFuture<AppendResult>> futures = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        NewMessage m = NewMessage.text(c.id(), a, "gc-bad-" + i, "m" + i);
        futures.add(writer.submit(i == 3 ? m.withAttachment(MessageKind.FILE, huge) : m));
      }
      futures.add(writer.submit(NewMessage.text(c.id(), newUser(), "gc-outsider", "not a member")));
      assertEquals(List.of(1L, 2L, 3L), List.of(seq(futures.get(0)), seq(futures.get(1)), seq(futures.get(2))));
      assertEquals(ErrorCode.VALIDATION, failure(futures.get(3)).code());
      assertEquals(4L, seq(futures.get(4)));
      assertEquals(ErrorCode.NOT_MEMBER, failure(futures.get(5)).code());
    }
    assertEquals(4, lastSeq(c));
  }

  @Test
  void keepsSubmissionOrderPerConversation() {
    UserId a = newUser();
    Conversation c1 = newGroup(a);
    Conversation c2 = newGroup(a);
    try (MessageWriter writer = store.startWriter(new GroupCommitConfig(3, 1000, 16, Duration.ZERO))) {
      List<CompletableFuture<AppendResult>> first = new ArrayList<>();
      List<CompletableFuture<AppendResult>> second = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        first.add(writer.submit(NewMessage.text(c1.id(), a, "order-1-" + i, "x")));
        second.add(writer.submit(NewMessage.text(c2.id(), a, "order-2-" + i, "y")));
      }
      for (int i = 0; i < 200; i++) {
        assertEquals(i + 1, seq(first.get(i)));
        assertEquals(i + 1, seq(second.get(i)));
      }
    }
  }

  @Test
  void callbacksGivenWithTheMessageRunInCommitOrderOnTheCompletionThread() throws Exception {
    UserId a = newUser();
    Conversation c = newGroup(a);
    List<Long> seqs = Collections.synchronizedList(new ArrayList<>());
    List<String> threads = Collections.synchronizedList(new ArrayList<>());
    CountDownLatch done = new CountDownLatch(300);
    try (MessageWriter writer = store.startWriter(new GroupCommitConfig(2, 1000, 4, Duration.ZERO))) {
      for (int i = 0; i < 300; i++) {
        writer.submit(NewMessage.text(c.id(), a, "cb-" + i, "m" + i), (result, failure) -> {
          seqs.add(failure == null ? result.message().seq() : -1);
          threads.add(Thread.currentThread().getName());
          done.countDown();
        });
      }
      assertTrue(done.await(30, TimeUnit.SECONDS));
    }
    List<Long> expected = new ArrayList<>();
    for (long seq = 1; seq <= 300; seq++) {
      expected.add(seq);
    }
    assertEquals(expected, seqs, "one conversation's callbacks run in seq order");
    assertTrue(threads.stream().noneMatch(name -> name.equals(Thread.currentThread().getName())),
        "never on the submitting thread");
  }

  @Test
  void rejectsWhenTheQueueIsFull() throws Exception {
    UserId a = newUser();
    Conversation c = newGroup(a);
    try (MessageWriter writer = store.startWriter(new GroupCommitConfig(1, 2, 1, Duration.ZERO));
        Handle blocker = jdbi.open()) {
      // Hold the conversation's row lock so the writer blocks inside its first batch.
      blocker.begin();
      blocker.createQuery("SELECT id FROM conversation WHERE id = :id FOR UPDATE").bind("id", c.id().value())
          .mapTo(Long.class).one();
      CompletableFuture<AppendResult> stuck = writer.submit(NewMessage.text(c.id(), a, "q-0", "stuck"));
      awaitQueueDrained(writer, c, a);
      CompletableFuture<AppendResult> q1 = writer.submit(NewMessage.text(c.id(), a, "q-1", "queued"));
      CompletableFuture<AppendResult> q2 = writer.submit(NewMessage.text(c.id(), a, "q-2", "queued"));
      CompletableFuture<AppendResult> rejected = writer.submit(NewMessage.text(c.id(), a, "q-3", "no room"));
      assertEquals(ErrorCode.UNAVAILABLE, failure(rejected).code());
      assertFalse(stuck.isDone());
      blocker.rollback();
      assertEquals(List.of(1L, 2L, 3L), List.of(seq(stuck), seq(q1), seq(q2)));
    }
  }

  @Test
  void closeWritesWhatIsQueuedThenRefuses() {
    UserId a = newUser();
    Conversation c = newGroup(a);
    List<CompletableFuture<AppendResult>> futures = new ArrayList<>();
    MessageWriter writer = store.startWriter(GroupCommitConfig.DEFAULTS);
    for (int i = 0; i < 500; i++) {
      futures.add(writer.submit(NewMessage.text(c.id(), a, "close-" + i, "m")));
    }
    writer.close();
    assertTrue(futures.stream().allMatch(f -> f.isDone() && !f.isCompletedExceptionally()));
    assertEquals(500, lastSeq(c));
    assertEquals(ErrorCode.UNAVAILABLE, failure(writer.submit(NewMessage.text(c.id(), a, "late", "m"))).code());
  }

  @Test
  void ackMeansCommitted() {
    UserId a = newUser();
    Conversation c = newGroup(a);
    try (MessageWriter writer = store.startWriter(GroupCommitConfig.DEFAULTS)) {
      for (int i = 0; i < 20; i++) {
        AppendResult result = writer.submit(NewMessage.text(c.id(), a, "ack-" + i, "m")).join();
        long visible = jdbi.withHandle(h -> h.createQuery(
                "SELECT count(*) FROM message WHERE conversation_id = :c AND seq = :s")
            .bind("c", c.id().value()).bind("s", result.message().seq()).mapTo(Long.class).one());
        assertEquals(1, visible, "another connection sees the acknowledged message");
      }
    }
  }

  /** Waits until the writer has taken the first message off its queue (it is then blocked on the row lock). */
  private void awaitQueueDrained(MessageWriter writer, Conversation c, UserId a) throws InterruptedException {
    long deadline = System.currentTimeMillis() + 10_000;
    // The waiting writer shows up as a backend waiting for a lock on the conversation row.
    while (System.currentTimeMillis() < deadline) {
      long waiting = jdbi.withHandle(h -> h.createQuery(
              "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()")
          .mapTo(Long.class).one());
      if (waiting > 0) {
        return;
      }
      TimeUnit.MILLISECONDS.sleep(10);
    }
    throw new AssertionError("writer never blocked on the row lock");
  }

  private static long seq(CompletableFuture<AppendResult> future) {
    return future.orTimeout(30, TimeUnit.SECONDS).join().message().seq();
  }

  private static ChatException failure(CompletableFuture<AppendResult> future) {
    try {
      future.orTimeout(30, TimeUnit.SECONDS).join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof ChatException chat) {
        return chat;
      }
      throw e;
    }
    throw new AssertionError("expected a failure");
  }
}
