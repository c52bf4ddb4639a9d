package io.senchat.domain.client;

import io.senchat.domain.common.ErrorCode;
import io.senchat.domain.protocol.ClientFrame;
import io.senchat.domain.protocol.ServerFrame;
import io.senchat.domain.protocol.ServerFrame.ErrorFrame;
import io.senchat.domain.protocol.ServerFrame.FeedEvent;
import io.senchat.domain.protocol.ServerFrame.MessageNew;
import io.senchat.domain.protocol.ServerFrame.SyncBatch;
import io.senchat.domain.protocol.ServerFrame.Welcome;
import io.senchat.domain.protocol.SyncToken;
import io.senchat.domain.transport.CloseReason;

/**
 * Follows the user's change feed (docs/protocol.md, "Sync tokens and resuming"): resumes from the persisted position
 * after every connection, pages through {@code sync} until {@code hasMore} is false, persists the token after each
 * batch is handed over, delivers events in order and never delivers a {@code message.new} twice.
 */
final class FeedReader {

  static final CloseReason SYNC_FAILED = new CloseReason(CloseReason.ABNORMAL.code(), "sync failed");

  private final ClientStateStore store;
  private final SeenMessages seen;
  private final ChatClientListener listener;
  private final Connector connector;
  private final int syncLimit;

  private SyncToken position;
  private boolean resuming;
  // The pseudo request standing for the batch the server sends after welcome, or null.
  private String awaitedBatch;
  // Our own outstanding sync request, or null.
  private String syncRequest;

  FeedReader(ClientStateStore store, SeenMessages seen, ChatClientListener listener, Connector connector,
      int syncLimit) {
    this.store = store;
    this.seen = seen;
    this.listener = listener;
    this.connector = connector;
    this.syncLimit = syncLimit;
    this.position = store.loadSyncToken();
  }

  SyncToken position() {
    return position;
  }

  void onWelcome(Welcome welcome, boolean replayFollows) {
    if (position == null) {
      // A fresh client starts at the head of the feed and loads history separately.
      position = welcome.syncToken();
      store.saveSyncToken(position);
      seen.clear();
      resuming = false;
      listener.onSession(welcome, false);
      if (connector.isOnline()) {
        listener.onCaughtUp();
      }
      return;
    }
    resuming = true;
    listener.onSession(welcome, true);
    if (!connector.isOnline()) {
      return;
    }
    if (replayFollows) {
      awaitedBatch = connector.expect(new BatchReply(true));
    } else {
      requestNextBatch();
    }
  }

  /** Takes a frame no request was waiting for; returns false when it is not the feed's business. */
  boolean onUnsolicited(ServerFrame frame) {
    if (frame instanceof SyncBatch batch) {
      // The batch after welcome, or a checkpoint: the server sends these without id.
      settleAwaited();
      apply(batch);
      return true;
    }
    if (frame instanceof FeedEvent event) {
      deliver(event);
      return true;
    }
    if (frame instanceof ErrorFrame error && awaitedBatch != null && error.errorCode() == ErrorCode.NOT_FOUND) {
      settleAwaited();
      startOver();
      return true;
    }
    return false;
  }

  void onLinkLost() {
    awaitedBatch = null;
    syncRequest = null;
    resuming = false;
  }

  private void apply(SyncBatch batch) {
    for (FeedEvent event : batch.events()) {
      deliver(event);
      if (!connector.isOnline()) {
        // The application closed the client meanwhile: keep the old position, the rest will be replayed.
        return;
      }
    }
    position = batch.syncToken();
    store.saveSyncToken(position);
    if (batch.hasMore()) {
      if (syncRequest == null) {
        requestNextBatch();
      }
      return;
    }
    seen.checkpoint();
    if (resuming && syncRequest == null && awaitedBatch == null) {
      resuming = false;
      listener.onCaughtUp();
    }
  }

  private void deliver(FeedEvent event) {
    if (event instanceof MessageNew created
        && !seen.firstSighting(created.message().conversationId(), created.message().seq())) {
      return;
    }
    listener.onEvent(event);
  }

  private void requestNextBatch() {
    BatchReply reply = new BatchReply(false);
    syncRequest = connector.request(new ClientFrame.Sync(position, syncLimit), reply);
  }

  private void settleAwaited() {
    if (awaitedBatch != null) {
      connector.settle(awaitedBatch);
      awaitedBatch = null;
    }
  }

  /** The server can no longer resume from our position (not_found): start over as a fresh client. */
  private void startOver() {
    position = null;
    store.clearSyncToken();
    seen.clear();
    resuming = false;
    connector.restartFresh();
  }

  /** The reply to a {@code sync}, or the awaited batch after {@code welcome}. */
  private final class BatchReply implements Reply {

    private final boolean awaited;

    BatchReply(boolean awaited) {
      this.awaited = awaited;
    }

    @Override
    public void onReply(ServerFrame frame) {
      forget();
      if (frame instanceof SyncBatch batch) {
        apply(batch);
      } else {
        connector.reconnect(Connector.UNEXPECTED_REPLY);
      }
    }

    @Override
    public void onError(ErrorFrame error) {
      forget();
      if (error.errorCode() == ErrorCode.NOT_FOUND) {
        startOver();
      } else if (error.retryable()) {
        connector.reconnect(SYNC_FAILED);
      } else {
        // A client bug (bad_frame...): resuming again would fail the same way. Report it and stay connected.
        resuming = false;
        listener.onServerError(error);
      }
    }

    @Override
    public void onLost() {
      forget();
    }

    private void forget() {
      if (awaited) {
        awaitedBatch = null;
      } else {
        syncRequest = null;
      }
    }
  }
}
