package io.senchat.server.typing;

import io.senchat.domain.conversation.ConversationId;
import io.senchat.domain.protocol.ServerFrame.TypingEvent;
import io.senchat.domain.rules.Limits;
import io.senchat.domain.user.UserId;
import io.senchat.server.fanout.FanOut;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * {@link TypingService} over {@link FanOut}, rate-limited per user and conversation: a start is relayed at most once
 * per {@link #MIN_REPEAT_NANOS} (clients refresh every {@link Limits#TYPING_REFRESH_MILLIS}, receivers expire after
 * {@link Limits#TYPING_EXPIRY_MILLIS}), a stop only after a relayed start. So a client cannot turn keystrokes into a
 * flood of frames for a 500-member group.
 */
@Singleton
final class InProcessTypingService implements TypingService {

  static final long MIN_REPEAT_NANOS = TimeUnit.SECONDS.toNanos(1);
  private static final long FORGET_AFTER_NANOS = TimeUnit.MILLISECONDS.toNanos(Limits.TYPING_EXPIRY_MILLIS);
  private static final int SWEEP_EVERY = 4096;

  private record Key(UserId userId, ConversationId conversationId) {
  }

  private final FanOut fanOut;
  // When each typist's last start was relayed; absent when not typing.
  private final ConcurrentHashMap<Key, Long> typists = new ConcurrentHashMap<>();
  private final AtomicInteger calls = new AtomicInteger();

  @Inject
  InProcessTypingService(FanOut fanOut) {
    this.fanOut = fanOut;
  }

  @Override
  public boolean typing(UserId userId, ConversationId conversationId, boolean typing) {
    long now = System.nanoTime();
    if (calls.incrementAndGet() % SWEEP_EVERY == 0) {
      // Typists who vanished without a stop (their connection dropped) must not stay in memory.
      typists.values().removeIf(relayedAt -> now - relayedAt > FORGET_AFTER_NANOS);
    }
    Key key = new Key(userId, conversationId);
    boolean relay;
    if (typing) {
      boolean[] fresh = {false};
      typists.compute(key, (k, relayedAt) -> {
        if (relayedAt == null || now - relayedAt >= MIN_REPEAT_NANOS) {
          fresh[0] = true;
          return now;
        }
        return relayedAt;
      });
      relay = fresh[0];
    } else {
      relay = typists.remove(key) != null;
    }
    if (relay) {
      fanOut.toConversationExcept(conversationId, userId, new TypingEvent(conversationId, userId, typing));
    }
    return relay;
  }

  @Override
  public String toString() {
    return "InProcessTypingService[" + typists.size() + " typing]";
  }
}
