package io.senchat.domain.transport;

import io.senchat.domain.user.UserId;

/**
 * An authenticated user on one device.
 *
 * @param deviceId the client's stable device identifier, or {@code ""} when it sent none
 */
public record Principal(UserId userId, String deviceId) {

  public Principal {
    if (userId == null || deviceId == null) {
      throw new IllegalArgumentException("principal fields must not be null");
    }
  }
}
