package io.senchat.server.sync;

import io.senchat.domain.common.ChatException;
import io.senchat.domain.common.ErrorCode;
import io.senchat.domain.protocol.ProtocolCodec;
import io.senchat.domain.protocol.ProtocolLimits;
import io.senchat.domain.protocol.ServerFrame.FeedEvent;
import io.senchat.domain.protocol.ServerFrame.SyncBatch;
import io.senchat.domain.protocol.SyncToken;
import io.senchat.domain.user.UserId;
import io.senchat.store.ChatStore;
import io.senchat.store.sync.ChangePage;
import io.senchat.store.sync.FeedPosition;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * {@link FeedReplay} over the store's change feed. Sync tokens are feed positions: {@code SyncToken(txId, eventId)}
 * is {@code FeedPosition(tx, id)}. Events are pointers, so each is loaded as the current state of what it names
 * ({@link FeedEventLoader}); replaying a stretch twice therefore converges, as the protocol requires.
 */
@Singleton
final class StoreFeedReplay implements FeedReplay {

  // Room for the envelope's request id, added when the batch is sent as a reply.
  private static final int FRAME_BUDGET = ProtocolLimits.MAX_SERVER_FRAME_CHARS - 1024;
  /**
   * How long a head read stays good for the next welcome. A slightly old head is still a valid position (heads only
   * move forward; a client starting from it replays a little more, never less), and a reconnect storm after a
   * restart then costs one head query per interval instead of two per client.
   */
  private static final long HEAD_REUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

  private record ReadHead(SyncToken token, long readAtNanos) {
  }

  private final ChatStore store;
  private volatile ReadHead lastHead = new ReadHead(SyncToken.INITIAL, System.nanoTime() - HEAD_REUSE_NANOS);

  @Inject
  StoreFeedReplay(ChatStore store) {
    this.store = store;
  }

  @Override
  public SyncToken head() {
    long now = System.nanoTime();
    ReadHead last = lastHead;
    if (now - last.readAtNanos() < HEAD_REUSE_NANOS) {
      return last.token();
    }
    SyncToken head = token(store.changes().head());
    lastHead = new ReadHead(head, now);
    return head;
  }

  @Override
  public SyncBatch replay(UserId userId, SyncToken after, int limit) {
    FeedPosition from = new FeedPosition(after.txId(), after.eventId());
    ChangePage page = store.changes().changesSince(userId, from, limit);
    if (page.events().isEmpty()) {
      // Heads only move forward, so a position beyond the head was not handed out by this database: it was restored
      // from a backup or replaced. Replaying from it would skip whatever the client is missing.
      if (from.compareTo(store.changes().head()) > 0) {
        throw new ChatException(ErrorCode.NOT_FOUND,
            "sync token " + after + " is ahead of this server's change feed; start over as a fresh client");
      }
      return new SyncBatch(List.of(), after, page.hasMore());
    }
    List<FeedEventLoader.Step> steps = new FeedEventLoader(store, userId).load(page.events());
    return fit(steps, page.hasMore());
  }

  /** The batch of as many leading steps as fit in one frame. */
  private static SyncBatch fit(List<FeedEventLoader.Step> steps, boolean pageHasMore) {
    int count = steps.size();
    boolean hasMore = pageHasMore;
    while (true) {
      SyncBatch batch = batch(steps.subList(0, count), hasMore);
      if (count == 1 || fits(batch)) {
        return batch;
      }
      count /= 2;
      hasMore = true;
    }
  }

  private static boolean fits(SyncBatch batch) {
    try {
      return ProtocolCodec.encodeServer(null, batch).length() <= FRAME_BUDGET;
    } catch (ChatException tooLarge) {
      return false;
    }
  }

  private static SyncBatch batch(List<FeedEventLoader.Step> steps, boolean hasMore) {
    List<FeedEvent> events = new ArrayList<>(steps.size());
    for (FeedEventLoader.Step step : steps) {
      if (step.event() != null) {
        events.add(step.event());
      }
    }
    return new SyncBatch(events, token(steps.get(steps.size() - 1).position()), hasMore);
  }

  private static SyncToken token(FeedPosition position) {
    return SyncToken.of(position.tx(), position.id());
  }

  @Override
  public String toString() {
    return "StoreFeedReplay";
  }
}
