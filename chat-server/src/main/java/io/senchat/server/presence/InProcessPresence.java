package io.senchat.server.presence;

import io.senchat.domain.common.Clock;
import io.senchat.domain.presence.Presence;
import io.senchat.domain.presence.PresenceState;
import io.senchat.domain.protocol.ServerFrame.PresenceEvent;
import io.senchat.domain.user.UserId;
import io.senchat.server.fanout.LiveSession;
import io.senchat.server.fanout.Push;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * {@link PresenceService} for one node, in memory. Each user's connection count, last-seen time and watchers change
 * inside {@link ConcurrentHashMap#compute}, and events are queued there too (queuing never blocks), so a watcher
 * never sees an older state after a newer one. Last-seen times are lost on restart.
 */
@Singleton
final class InProcessPresence implements PresenceService {

  /** Mutable state of one user; only touched inside {@code compute} on its key. */
  private static final class UserPresence {
    int connections;
    long lastSeenMillis;
    final Set<LiveSession> watchers = new HashSet<>();

    boolean idle() {
      return connections == 0 && lastSeenMillis == 0 && watchers.isEmpty();
    }

    Presence presence(UserId userId) {
      return connections > 0 ? new Presence(userId, PresenceState.ONLINE, 0)
          : new Presence(userId, PresenceState.OFFLINE, lastSeenMillis);
    }
  }

  private final Clock clock;
  private final ConcurrentHashMap<UserId, UserPresence> users = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<LiveSession, Set<UserId>> watching = new ConcurrentHashMap<>();

  @Inject
  InProcessPresence(Clock clock) {
    this.clock = clock;
  }

  @Override
  public void connected(UserId userId) {
    users.compute(userId, (id, state) -> {
      UserPresence presence = state == null ? new UserPresence() : state;
      if (presence.connections++ == 0) {
        announce(presence, new Presence(id, PresenceState.ONLINE, 0));
      }
      return presence;
    });
  }

  @Override
  public void disconnected(UserId userId) {
    users.computeIfPresent(userId, (id, presence) -> {
      if (presence.connections > 0 && --presence.connections == 0) {
        presence.lastSeenMillis = Math.max(1, clock.nowMillis());
        announce(presence, new Presence(id, PresenceState.OFFLINE, presence.lastSeenMillis));
      }
      return presence;
    });
  }

  @Override
  public void watch(LiveSession watcher, Collection<UserId> userIds) {
    Set<UserId> wanted = new LinkedHashSet<>(userIds);
    Set<UserId> previous = wanted.isEmpty() ? watching.remove(watcher) : watching.put(watcher, wanted);
    if (previous != null) {
      for (UserId dropped : previous) {
        if (!wanted.contains(dropped)) {
          stopWatching(watcher, dropped);
        }
      }
    }
    for (UserId userId : wanted) {
      users.compute(userId, (id, state) -> {
        UserPresence presence = state == null ? new UserPresence() : state;
        presence.watchers.add(watcher);
        // Inside compute: a change of this user cannot slip between this state and the watcher's registration.
        watcher.push(Push.of(new PresenceEvent(presence.presence(id))));
        return presence;
      });
    }
  }

  @Override
  public void unwatch(LiveSession watcher) {
    Set<UserId> watched = watching.remove(watcher);
    if (watched != null) {
      for (UserId userId : watched) {
        stopWatching(watcher, userId);
      }
    }
  }

  @Override
  public Presence presenceOf(UserId userId) {
    Presence[] result = {new Presence(userId, PresenceState.OFFLINE, 0)};
    // Read inside compute, where the state is written, rather than racing with it.
    users.computeIfPresent(userId, (id, presence) -> {
      result[0] = presence.presence(id);
      return presence;
    });
    return result[0];
  }

  private void stopWatching(LiveSession watcher, UserId userId) {
    users.computeIfPresent(userId, (id, presence) -> {
      presence.watchers.remove(watcher);
      return presence.idle() ? null : presence;
    });
  }

  private static void announce(UserPresence presence, Presence state) {
    if (presence.watchers.isEmpty()) {
      return;
    }
    Push push = Push.of(new PresenceEvent(state));
    for (LiveSession watcher : presence.watchers) {
      watcher.push(push);
    }
  }

  @Override
  public String toString() {
    return "InProcessPresence[" + users.size() + " users, " + watching.size() + " watchers]";
  }
}
