package io.senchat.domain.presence;

import io.senchat.domain.rules.Limits;
import io.senchat.domain.user.UserId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Who is typing in one conversation, as a receiver (or the server) sees it: a typing-start holds for
 * {@code expiryMillis} unless refreshed, so a sender that vanished without typing-stop is forgotten. Bounded:
 * when full, a new typer replaces the one whose indicator would expire first. Driven by the caller's clock; not
 * thread-safe.
 */
public final class TypingTracker {

  private final int capacity;
  private final long expiryMillis;
  /** Expiry time per typer, in the order they started typing. */
  private final Map<UserId, Long> expiries = new LinkedHashMap<>();

  public TypingTracker(int capacity, long expiryMillis) {
    if (capacity < 1 || expiryMillis <= 0) {
      throw new IllegalArgumentException("capacity and expiry must be positive");
    }
    this.capacity = capacity;
    this.expiryMillis = expiryMillis;
  }

  /** Capacity {@link Limits#MAX_GROUP_MEMBERS}, expiry {@link Limits#TYPING_EXPIRY_MILLIS}. */
  public TypingTracker() {
    this(Limits.MAX_GROUP_MEMBERS, Limits.TYPING_EXPIRY_MILLIS);
  }

  /** A typing-start (or refresh) from {@code user}; returns true when they were not shown as typing before. */
  public boolean onStart(UserId user, long nowMillis) {
    Long previous = expiries.get(user);
    boolean isNew = previous == null || previous <= nowMillis;
    if (previous == null && expiries.size() >= capacity) {
      expiries.remove(firstToExpire());
    }
    if (previous != null && isNew) {
      // An expired entry keeps its old place otherwise; a fresh start goes to the end of the order.
      expiries.remove(user);
    }
    expiries.put(user, nowMillis + expiryMillis);
    return isNew;
  }

  /** A typing-stop, or a message from {@code user}; returns true when they were shown as typing. */
  public boolean onStop(UserId user, long nowMillis) {
    Long expiry = expiries.remove(user);
    return expiry != null && expiry > nowMillis;
  }

  /** Forgets typers whose indicator ran out, and returns them so the caller can update the view. */
  public List<UserId> expire(long nowMillis) {
    List<UserId> expired = new ArrayList<>();
    for (Map.Entry<UserId, Long> entry : expiries.entrySet()) {
      if (entry.getValue() <= nowMillis) {
        expired.add(entry.getKey());
      }
    }
    for (UserId user : expired) {
      expiries.remove(user);
    }
    return List.copyOf(expired);
  }

  /** Who is typing at {@code nowMillis}, in the order they started. */
  public List<UserId> typing(long nowMillis) {
    List<UserId> users = new ArrayList<>();
    for (Map.Entry<UserId, Long> entry : expiries.entrySet()) {
      if (entry.getValue() > nowMillis) {
        users.add(entry.getKey());
      }
    }
    return List.copyOf(users);
  }

  /** Entries held, expired ones not yet {@link #expire expired} included. */
  public int size() {
    return expiries.size();
  }

  private UserId firstToExpire() {
    UserId first = null;
    long earliest = Long.MAX_VALUE;
    for (Map.Entry<UserId, Long> entry : expiries.entrySet()) {
      if (entry.getValue() < earliest) {
        earliest = entry.getValue();
        first = entry.getKey();
      }
    }
    return first;
  }
}
