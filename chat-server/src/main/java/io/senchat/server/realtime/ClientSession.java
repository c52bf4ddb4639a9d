package io.senchat.server.realtime;

import io.senchat.domain.transport.CloseReason;
import io.senchat.domain.transport.Connection;
import io.senchat.domain.transport.ConnectionSession;
import io.senchat.domain.transport.Principal;
import io.senchat.domain.user.SystemRole;
import io.senchat.domain.user.UserId;
import io.senchat.server.fanout.LiveSession;
import io.senchat.server.fanout.Push;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;

/**
 * One connected device: where its frames enter the {@link Pipeline}, and how fan-out reaches it. Frames arrive one at
 * a time (the transport's contract); pushes arrive from any thread and go through {@link SessionOutput}.
 */
final class ClientSession implements ConnectionSession, LiveSession {

  /** What the core does when a session ends. */
  interface Lifecycle {
    void closed(ClientSession session, CloseReason reason);
  }

  private final Connection connection;
  private final Principal principal;
  private final SystemRole systemRole;
  private final String sessionId;
  private final SessionOutput output;
  private final Pipeline pipeline;
  private final Lifecycle lifecycle;
  // Frame thread only.
  private final TokenBucket inbound;
  private boolean firstFrameSeen;
  private volatile boolean open = true;
  private volatile CompletableFuture<Void> registeredBarrier = CompletableFuture.completedFuture(null);
  private volatile Future<?> firstFrameTimer;

  ClientSession(Connection connection, Principal principal, SystemRole systemRole, String sessionId,
      SessionOutput output, Pipeline pipeline, Lifecycle lifecycle, TokenBucket inbound) {
    this.connection = connection;
    this.principal = principal;
    this.systemRole = systemRole;
    this.sessionId = sessionId;
    this.output = output;
    this.pipeline = pipeline;
    this.lifecycle = lifecycle;
    this.inbound = inbound;
  }

  @Override
  public void onFrame(String frame) {
    pipeline.accept(this, frame);
  }

  @Override
  public void onClose(CloseReason reason) {
    open = false;
    output.end();
    cancelFirstFrameTimer();
    registeredBarrier.cancel(false);
    lifecycle.closed(this, reason);
  }

  @Override
  public UserId userId() {
    return principal.userId();
  }

  @Override
  public void push(Push push) {
    output.push(push);
  }

  @Override
  public void close(CloseReason reason) {
    connection.close(reason);
  }

  Principal principal() {
    return principal;
  }

  SystemRole systemRole() {
    return systemRole;
  }

  String sessionId() {
    return sessionId;
  }

  SessionOutput output() {
    return output;
  }

  TokenBucket inbound() {
    return inbound;
  }

  boolean isOpen() {
    return open;
  }

  /** Completes once the writes in flight when this session registered for live events are done. */
  CompletableFuture<Void> registeredBarrier() {
    return registeredBarrier;
  }

  void registered(CompletableFuture<Void> barrier, Future<?> timer) {
    this.registeredBarrier = barrier;
    this.firstFrameTimer = timer;
  }

  /** The client's first frame arrived; {@code replayFollows} when it resumes the feed. */
  void firstFrameArrived(boolean replayFollows) {
    if (!firstFrameSeen) {
      firstFrameSeen = true;
      cancelFirstFrameTimer();
      output.firstFrame(replayFollows);
    }
  }

  /** The client said nothing for the grace period: live events flow. */
  void firstFrameGraceOver() {
    output.firstFrame(false);
  }

  private void cancelFirstFrameTimer() {
    Future<?> timer = firstFrameTimer;
    firstFrameTimer = null;
    if (timer != null) {
      timer.cancel(false);
    }
  }

  @Override
  public String toString() {
    return "ClientSession[" + sessionId + ", " + principal.userId() + ", " + connection.id() + "]";
  }
}
