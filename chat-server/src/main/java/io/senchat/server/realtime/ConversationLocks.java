package io.senchat.server.realtime;

import io.senchat.domain.conversation.ConversationId;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * Serialises changes to existing messages per conversation (striped), from before their transaction to after their
 * fan-out. {@code message.updated} carries a whole message, so two edits of one message fanned out in the opposite
 * order of their commits would leave every client with the older text.
 */
@Singleton
final class ConversationLocks {

  private static final int STRIPES = 64;

  private final ReentrantLock[] stripes = new ReentrantLock[STRIPES];

  @Inject
  ConversationLocks() {
    for (int i = 0; i < STRIPES; i++) {
      stripes[i] = new ReentrantLock();
    }
  }

  <T> T inOrder(ConversationId conversationId, Supplier<T> change) {
    ReentrantLock lock = stripes[Math.floorMod(Long.hashCode(conversationId.value() * 0x9E3779B97F4A7C15L),
        STRIPES)];
    lock.lock();
    try {
      return change.get();
    } finally {
      lock.unlock();
    }
  }
}
