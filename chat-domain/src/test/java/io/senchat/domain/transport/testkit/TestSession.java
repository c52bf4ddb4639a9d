package io.senchat.domain.transport.testkit;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.senchat.domain.transport.CloseReason;
import io.senchat.domain.transport.Connection;
import io.senchat.domain.transport.ConnectionSession;
import io.senchat.domain.transport.Principal;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Records what the transport delivers to one session, and checks it is called one thread at a time. */
public final class TestSession implements ConnectionSession {

  private final Connection connection;
  private final Principal principal;
  private final boolean echo;
  private final CountDownLatch gate;
  private final BlockingQueue<String> frames = new LinkedBlockingQueue<>();
  private final CompletableFuture<CloseReason> closed = new CompletableFuture<>();
  private final AtomicInteger closeCount = new AtomicInteger();
  private final AtomicInteger framesAfterClose = new AtomicInteger();
  private final AtomicInteger inCall = new AtomicInteger();
  private volatile boolean overlapped;

  TestSession(Connection connection, Principal principal, boolean echo, CountDownLatch gate) {
    this.connection = connection;
    this.principal = principal;
    this.echo = echo;
    this.gate = gate;
  }

  @Override
  public void onFrame(String frame) {
    enter();
    try {
      if (closed.isDone()) {
        framesAfterClose.incrementAndGet();
      }
      gate.await(10, TimeUnit.SECONDS);
      frames.add(frame);
      if (echo) {
        connection.send(frame);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
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

  public Connection connection() {
    return connection;
  }

  public Principal principal() {
    return principal;
  }

  /** The next frame delivered, waiting up to 5 s. */
  public String nextFrame() throws InterruptedException {
    String frame = frames.poll(5, TimeUnit.SECONDS);
    assertNotNull(frame, "no frame within 5 s");
    return frame;
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

  public int framesAfterClose() {
    return framesAfterClose.get();
  }

  /** True when two callbacks ever ran at the same time. */
  public boolean overlapped() {
    return overlapped;
  }

  @Override
  public String toString() {
    return "TestSession[" + connection.id() + ", " + principal + "]";
  }
}
