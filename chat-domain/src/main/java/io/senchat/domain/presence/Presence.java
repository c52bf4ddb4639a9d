package io.senchat.domain.presence;

import io.senchat.domain.user.UserId;

/**
 * A user's presence.
 *
 * @param lastSeenMillis when the last device disconnected; 0 when never seen or while online
 */
public record Presence(UserId userId, PresenceState state, long lastSeenMillis) {

  public Presence {
    if (userId == null || state == null) {
      throw new IllegalArgumentException("presence fields must not be null");
    }
  }
}
