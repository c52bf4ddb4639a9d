package io.senchat.transport.ws.server;

import io.senchat.domain.transport.CloseReason;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The endpoint's open connections, so that a shutdown can close every one with a reason and wait for them. */
final class ConnectionRegistry {

  private final Set<WsConnection> open = ConcurrentHashMap.newKeySet();
  private final Object drained = new Object();
  private volatile boolean closed;

  /** Adds a connection; false once {@link #closeAll} has started, and the caller must then close it itself. */
  boolean add(WsConnection connection) {
    open.add(connection);
    // Read after the add: either closeAll sees this connection, or this sees closeAll's flag.
    return !closed;
  }

  void remove(WsConnection connection) {
    open.remove(connection);
    synchronized (drained) {
      drained.notifyAll();
    }
  }

  void closeAll(CloseReason reason) {
    closed = true;
    for (WsConnection connection : open) {
      connection.close(reason);
    }
  }

  /** Waits until every connection's socket is closed; false when the timeout passed first. */
  boolean awaitEmpty(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (drained) {
      while (!open.isEmpty()) {
        long remainingMillis = (deadline - System.nanoTime()) / 1_000_000;
        if (remainingMillis <= 0) {
          return false;
        }
        drained.wait(remainingMillis);
      }
    }
    return true;
  }

  int size() {
    return open.size();
  }

  @Override
  public String toString() {
    return "ConnectionRegistry[" + open.size() + " open" + (closed ? ", closed]" : "]");
  }
}
