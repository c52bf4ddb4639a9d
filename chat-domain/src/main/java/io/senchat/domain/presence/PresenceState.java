package io.senchat.domain.presence;

/** Whether a user has at least one connected device. */
public enum PresenceState {
  ONLINE,
  OFFLINE
}
