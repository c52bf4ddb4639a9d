package io.senchat.server.realtime;

import io.senchat.domain.common.ErrorCode;
import io.senchat.domain.protocol.ProtocolCodec;
import io.senchat.domain.protocol.ServerFrame;
import io.senchat.domain.protocol.ServerFrame.ErrorFrame;
import io.senchat.domain.protocol.ServerFrame.SyncBatch;
import io.senchat.domain.transport.CloseReason;
import io.senchat.domain.transport.Connection;
import io.senchat.server.fanout.Push;
import java.util.ArrayDeque;

/**
 * Everything one session sends, in one order: replies from its frame thread and events from fan-out threads go
 * through one lock into the transport's bounded, non-blocking queue.
 *
 * <p>Feed events are held back while the session replays the feed (protocol.md: "live feed events are held back and
 * follow the replay"), and from the connection until the client's first frame says whether it resumes. Replies,
 * typing and presence are never held. The held events are bounded; one more closes the session with a retryable
 * reason, and the client resumes again from its token.
 */
final class SessionOutput {

  /** The live backlog outgrew the bound during a replay: reconnect and resume (RFC 6455 "Try Again Later"). */
  static final CloseReason HELD_OVERFLOW = new CloseReason(1013, "too many live events while resuming");

  private final Connection connection;
  private final RealtimeMetrics metrics;
  private final int heldMax;
  private final Object lock = new Object();
  // Guarded by lock.
  private boolean awaitingFirstFrame = true;
  private boolean replaying;
  private boolean ended;
  private final ArrayDeque<String> held = new ArrayDeque<>();

  SessionOutput(Connection connection, RealtimeMetrics metrics, int heldMax) {
    this.connection = connection;
    this.metrics = metrics;
    this.heldMax = heldMax;
  }

  /** Sends a reply (or an unprompted frame that is not a feed event) now, ahead of any held events. */
  void reply(String requestId, ServerFrame frame) {
    String text = ProtocolCodec.encodeServer(requestId, frame);
    if (frame instanceof ErrorFrame error) {
      metrics.error(error.errorCode());
    }
    synchronized (lock) {
      sendLocked(text);
    }
  }

  /** Queues a fan-out event; feed events wait while the session is replaying. */
  void push(Push push) {
    synchronized (lock) {
      if (ended) {
        return;
      }
      if (push.isFeedEvent() && holding()) {
        if (held.size() >= heldMax) {
          overflowLocked();
        } else {
          held.add(push.text());
        }
        return;
      }
      sendLocked(push.text());
    }
  }

  /** The client's first frame (or the grace period) decided: a replay follows, or live events flow now. */
  void firstFrame(boolean replayFollows) {
    synchronized (lock) {
      if (!awaitingFirstFrame) {
        return;
      }
      awaitingFirstFrame = false;
      if (replayFollows) {
        replaying = true;
      }
      flushLocked();
    }
  }

  /** A replay starts: hold live feed events until a batch without {@code hasMore} is sent. */
  void beginReplay() {
    synchronized (lock) {
      replaying = true;
    }
  }

  /** Sends a batch of the replay; the last one ({@code hasMore} false) releases the held events after it. */
  void replayBatch(String requestId, SyncBatch batch) {
    String text = ProtocolCodec.encodeServer(requestId, batch);
    synchronized (lock) {
      sendLocked(text);
      if (!batch.hasMore()) {
        replaying = false;
        flushLocked();
      }
    }
  }

  /** The replay cannot go on: sends the error, then releases the held events. */
  void endReplay(String requestId, ErrorFrame error) {
    String text = error == null ? null : ProtocolCodec.encodeServer(requestId, error);
    if (error != null) {
      metrics.error(error.errorCode());
    }
    synchronized (lock) {
      if (text != null) {
        sendLocked(text);
      }
      replaying = false;
      flushLocked();
    }
  }

  /** The connection is gone: drop what is held and send nothing more. */
  void end() {
    synchronized (lock) {
      ended = true;
      held.clear();
    }
  }

  int heldCount() {
    synchronized (lock) {
      return held.size();
    }
  }

  private boolean holding() {
    return awaitingFirstFrame || replaying;
  }

  private void flushLocked() {
    if (holding()) {
      return;
    }
    while (!ended && !held.isEmpty()) {
      sendLocked(held.poll());
    }
    held.clear();
  }

  private void sendLocked(String text) {
    if (ended) {
      return;
    }
    if (connection.send(text)) {
      metrics.frameOut();
    } else {
      // Closed, or its queue is full and the transport is closing it as a slow consumer: stop trying.
      ended = true;
      held.clear();
    }
  }

  private void overflowLocked() {
    held.clear();
    sendLocked(ProtocolCodec.encodeServer(null, ErrorFrame.of(ErrorCode.SLOW_CONSUMER,
        "more than " + heldMax + " live events arrived while resuming; reconnect and resume")));
    ended = true;
    metrics.heldOverflowClosed();
    connection.close(HELD_OVERFLOW);
  }

  @Override
  public String toString() {
    synchronized (lock) {
      return "SessionOutput[" + connection.id() + (ended ? ", ended" : holding() ? ", holding " + held.size() : "")
          + "]";
    }
  }
}
