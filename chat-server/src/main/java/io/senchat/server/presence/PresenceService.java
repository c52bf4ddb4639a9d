package io.senchat.server.presence;

import io.senchat.domain.presence.Presence;
import io.senchat.domain.user.UserId;
import io.senchat.server.fanout.LiveSession;
import java.util.Collection;

/** Who is online: a user is online while at least one device is connected; watchers get {@code presence} events. */
public interface PresenceService {

  /** A device of the user connected. */
  void connected(UserId userId);

  /** A device of the user disconnected; the last one makes the user offline, last seen now. */
  void disconnected(UserId userId);

  /**
   * Replaces the users {@code watcher} follows, then pushes it the current presence of each; afterwards it gets an
   * event whenever one of them goes online or offline.
   */
  void watch(LiveSession watcher, Collection<UserId> userIds);

  /** Stops every event to {@code watcher} (its session ended). */
  void unwatch(LiveSession watcher);

  /** The user's presence now. */
  Presence presenceOf(UserId userId);
}
