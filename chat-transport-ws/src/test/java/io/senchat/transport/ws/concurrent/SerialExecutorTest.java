package io.senchat.transport.ws.concurrent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SerialExecutorTest {

  private final ExecutorService pool = Executors.newFixedThreadPool(4);

  @AfterEach
  void stop() {
    pool.shutdownNow();
  }

  @Test
  void runsTasksOneAtATimeInSubmissionOrder() throws Exception {
    SerialExecutor serial = new SerialExecutor(pool, "test");
    List<Integer> seen = new ArrayList<>();
    AtomicInteger inside = new AtomicInteger();
    AtomicBoolean overlapped = new AtomicBoolean();
    CountDownLatch done = new CountDownLatch(1);
    int count = 10_000;
    for (int i = 0; i < count; i++) {
      int n = i;
      serial.execute(() -> {
        if (inside.incrementAndGet() != 1) {
          overlapped.set(true);
        }
        seen.add(n);
        inside.decrementAndGet();
        if (n == count - 1) {
          done.countDown();
        }
      });
    }
    assertTrue(done.await(5, TimeUnit.SECONDS));
    assertFalse(overlapped.get());
    for (int i = 0; i < count; i++) {
      assertEquals(i, seen.get(i));
    }
  }

  @Test
  void aFailingTaskDoesNotStopTheOthers() throws Exception {
    SerialExecutor serial = new SerialExecutor(pool, "test");
    CountDownLatch after = new CountDownLatch(1);
    serial.execute(() -> {
      throw new IllegalStateException("boom (expected by the test)");
    });
    serial.execute(after::countDown);
    assertTrue(after.await(5, TimeUnit.SECONDS));
  }

  @Test
  void tasksAfterTheDelegateShutDownAreDropped() {
    pool.shutdown();
    SerialExecutor serial = new SerialExecutor(pool, "test");
    serial.execute(() -> {});
    assertTrue(serial.toString().contains("0 queued"));
  }
}
