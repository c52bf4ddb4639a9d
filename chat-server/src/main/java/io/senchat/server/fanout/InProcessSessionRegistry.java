package io.senchat.server.fanout;

import io.senchat.domain.user.UserId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * {@link SessionRegistry} in memory. Each user's sessions are a copy-on-write array: a user connects a few times a
 * day but receives events all the time, so reads must be cheap and never lock.
 */
@Singleton
final class InProcessSessionRegistry implements SessionRegistry {

  private static final LiveSession[] NONE = new LiveSession[0];

  private final ConcurrentHashMap<UserId, LiveSession[]> byUser = new ConcurrentHashMap<>();
  private final AtomicInteger size = new AtomicInteger();

  @Inject
  InProcessSessionRegistry() {
  }

  @Override
  public void add(LiveSession session) {
    byUser.compute(session.userId(), (user, sessions) -> {
      LiveSession[] current = sessions == null ? NONE : sessions;
      for (LiveSession existing : current) {
        if (existing == session) {
          return current;
        }
      }
      LiveSession[] grown = Arrays.copyOf(current, current.length + 1);
      grown[current.length] = session;
      size.incrementAndGet();
      return grown;
    });
  }

  @Override
  public void remove(LiveSession session) {
    byUser.computeIfPresent(session.userId(), (user, sessions) -> {
      for (int i = 0; i < sessions.length; i++) {
        if (sessions[i] == session) {
          size.decrementAndGet();
          if (sessions.length == 1) {
            return null;
          }
          LiveSession[] shrunk = new LiveSession[sessions.length - 1];
          System.arraycopy(sessions, 0, shrunk, 0, i);
          System.arraycopy(sessions, i + 1, shrunk, i, sessions.length - i - 1);
          return shrunk;
        }
      }
      return sessions;
    });
  }

  @Override
  public List<LiveSession> sessionsOf(UserId userId) {
    LiveSession[] sessions = byUser.get(userId);
    return sessions == null ? List.of() : Arrays.asList(sessions);
  }

  /** The array itself, for the fan-out loop; callers must not modify it. */
  LiveSession[] sessionArray(UserId userId) {
    LiveSession[] sessions = byUser.get(userId);
    return sessions == null ? NONE : sessions;
  }

  @Override
  public List<LiveSession> all() {
    List<LiveSession> all = new ArrayList<>(size.get());
    for (LiveSession[] sessions : byUser.values()) {
      all.addAll(Arrays.asList(sessions));
    }
    return all;
  }

  @Override
  public int size() {
    return size.get();
  }

  @Override
  public String toString() {
    return "InProcessSessionRegistry[" + size.get() + " sessions of " + byUser.size() + " users]";
  }
}
