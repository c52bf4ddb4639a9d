package io.senchat.domain.transport.testkit;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.senchat.domain.transport.ClientTransportListener;
import io.senchat.domain.transport.CloseReason;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Records what a client transport reports, and checks callbacks never overlap. */
public final class RecordingListener implements ClientTransportListener {

  private final CountDownLatch opened = new CountDownLatch(1);
  private final BlockingQueue<String> frames = new LinkedBlockingQueue<>();
  private final CompletableFuture<CloseReason> closed = new CompletableFuture<>();
  private final AtomicInteger closeCount = new AtomicInteger();
  private final AtomicInteger eventsAfterClose = new AtomicInteger();
  private final AtomicInteger inCall = new AtomicInteger();
  private volatile boolean overlapped;

  @Override
  public void onOpen() {
    enter();
    try {
      afterCloseCheck();
      opened.countDown();
    } finally {
      inCall.decrementAndGet();
    }
  }

  @Override
  public void onFrame(String frame) {
    enter();
    try {
      afterCloseCheck();
      frames.add(frame);
    } finally {
      inCall.decrementAndGet();
    }
  }

  @Override
  public void onClose(CloseReason reason) {
    enter();
    try {
      closeCount.incrementAndGet();
      closed.complete(reason);
    } finally {
      inCall.decrementAndGet();
    }
  }

  private void enter() {
    if (inCall.incrementAndGet() != 1) {
      overlapped = true;
    }
  }

  private void afterCloseCheck() {
    if (closed.isDone()) {
      eventsAfterClose.incrementAndGet();
    }
  }

  /** Waits up to 5 s for onOpen. */
  public void awaitOpen() throws InterruptedException {
    assertTrue(opened.await(5, TimeUnit.SECONDS), "not open within 5 s");
  }

  public boolean isOpen() {
    return opened.getCount() == 0 && !closed.isDone();
  }

  /** The next frame, waiting up to 5 s. */
  public String nextFrame() throws InterruptedException {
    String frame = frames.poll(5, TimeUnit.SECONDS);
    assertNotNull(frame, "no frame within 5 s");
    return frame;
  }

  /** The next frame, waiting up to the given time; null when none came. */
  public String pollFrame(long millis) throws InterruptedException {
    return frames.poll(millis, TimeUnit.MILLISECONDS);
  }

  /** The close reason, waiting up to 5 s. */
  public CloseReason awaitClose() throws Exception {
    return closed.get(5, TimeUnit.SECONDS);
  }

  public boolean isClosed() {
    return closed.isDone();
  }

  public int closeCount() {
    return closeCount.get();
  }

  public int eventsAfterClose() {
    return eventsAfterClose.get();
  }

  public boolean overlapped() {
    return overlapped;
  }

  @Override
  public String toString() {
    return "RecordingListener[" + frames.size() + " frames, closed=" + closed.getNow(null) + "]";
  }
}
