package io.senchat.server.realtime;

import io.senchat.domain.common.ChatException;
import io.senchat.domain.common.ErrorCode;
import io.senchat.domain.protocol.ServerFrame.ErrorFrame;
import io.senchat.domain.protocol.ServerFrame.SyncBatch;
import io.senchat.domain.protocol.SyncToken;
import io.senchat.server.sync.FeedReplay;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.inject.Inject;
import javax.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one page of the feed to a session, holding its live feed events back until the page that ends the replay.
 *
 * <p>That last page is read only once the writes in flight when the session registered are done (the session's
 * write barrier), and read again if they were not done before the first read: an event committed just before the
 * session registered, while an older transaction was still running, is then visible to the replay, so nothing falls
 * between replay and live delivery. Overlap the other way (an event both replayed and delivered live) is harmless:
 * clients apply feed events idempotently.
 */
@Singleton
final class Replayer {

  private static final Logger LOG = LoggerFactory.getLogger(Replayer.class);

  private final FeedReplay feed;
  private final RealtimeOptions options;
  private final RealtimeMetrics metrics;

  @Inject
  Replayer(FeedReplay feed, RealtimeOptions options, RealtimeMetrics metrics) {
    this.feed = feed;
    this.options = options;
    this.metrics = metrics;
  }

  /** Sends the page after {@code from} as the reply to {@code requestId} (null: the batch after welcome). */
  void replay(ClientSession session, String requestId, SyncToken from, int limit) {
    SessionOutput output = session.output();
    output.beginReplay();
    try {
      CompletableFuture<Void> barrier = session.registeredBarrier();
      boolean settled = barrier.isDone();
      SyncBatch batch = feed.replay(session.userId(), from, limit);
      if (!batch.hasMore() && !settled) {
        await(session, barrier);
        batch = feed.replay(session.userId(), from, limit);
      }
      metrics.replayed();
      output.replayBatch(requestId, batch);
    } catch (ChatException e) {
      output.endReplay(requestId, ErrorFrame.of(e));
    } catch (RuntimeException e) {
      LOG.error("{}: replay from {} failed", session, from, e);
      output.endReplay(requestId, ErrorFrame.of(ErrorCode.INTERNAL, "replay failed; retry"));
    }
  }

  private void await(ClientSession session, CompletableFuture<Void> barrier) {
    try {
      barrier.get(options.writeBarrierWaitMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      barrier.cancel(false);
      LOG.warn("{}: writes in flight at connect still unfinished after {} ms; replaying without them", session,
          options.writeBarrierWaitMillis());
    } catch (ExecutionException e) {
      LOG.warn("{}: write barrier failed", session, e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public String toString() {
    return "Replayer[" + feed + "]";
  }
}
