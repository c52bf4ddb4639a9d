package io.senchat.server.membership;

import io.senchat.domain.conversation.Conversation;
import io.senchat.domain.conversation.ConversationId;
import io.senchat.store.ChatStore;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * {@link Memberships} cached per conversation. Entries also expire after {@link #TTL_NANOS}, a safety net for
 * changes made by another node or by code that forgot to invalidate; the store re-checks membership inside every
 * write anyway, so a stale entry can at worst deliver a live event to a removed member for that long.
 */
@Singleton
final class CachedMemberships implements Memberships {

  static final long TTL_NANOS = TimeUnit.MINUTES.toNanos(5);
  static final int MAX_ENTRIES = 100_000;
  private static final int STRIPES = 256;

  private record Entry(ConversationMembers members, long loadedAtNanos) {
  }

  private final ChatStore store;
  private final ConcurrentHashMap<ConversationId, Entry> entries = new ConcurrentHashMap<>();
  // Bumped by every invalidation, per stripe of conversations: a load that overlapped one must not stay cached.
  private final AtomicLongArray generations = new AtomicLongArray(STRIPES);

  @Inject
  CachedMemberships(ChatStore store) {
    this.store = store;
  }

  @Override
  public Optional<ConversationMembers> find(ConversationId conversationId) {
    long now = System.nanoTime();
    Entry cached = entries.get(conversationId);
    if (cached != null && now - cached.loadedAtNanos < TTL_NANOS) {
      return Optional.of(cached.members);
    }
    int stripe = stripe(conversationId);
    long generation = generations.get(stripe);
    Optional<Conversation> conversation = store.conversations().find(conversationId);
    if (conversation.isEmpty()) {
      entries.remove(conversationId);
      return Optional.empty();
    }
    ConversationMembers loaded =
        ConversationMembers.of(conversation.get(), store.memberships().list(conversationId));
    if (entries.size() >= MAX_ENTRIES) {
      // Crude but bounded: a full cache starts over rather than growing with every conversation ever touched.
      entries.clear();
    }
    Entry entry = new Entry(loaded, now);
    entries.put(conversationId, entry);
    // Checked after the put: either this sees the invalidation, or the invalidation's remove comes after the put.
    if (generations.get(stripe) != generation) {
      entries.remove(conversationId, entry);
    }
    return Optional.of(loaded);
  }

  @Override
  public void invalidate(ConversationId conversationId) {
    generations.incrementAndGet(stripe(conversationId));
    entries.remove(conversationId);
  }

  private static int stripe(ConversationId conversationId) {
    return Math.floorMod(Long.hashCode(conversationId.value() * 0x9E3779B97F4A7C15L), STRIPES);
  }

  @Override
  public String toString() {
    return "CachedMemberships[" + entries.size() + " conversations]";
  }
}
