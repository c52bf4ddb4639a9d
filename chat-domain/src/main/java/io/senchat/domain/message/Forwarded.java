package io.senchat.domain.message;

import io.senchat.domain.user.UserId;

/** Where a forwarded message came from. */
public record Forwarded(MessageRef original, UserId originalSender) {

  public Forwarded {
    if (original == null || originalSender == null) {
      throw new IllegalArgumentException("forwarded fields must not be null");
    }
  }
}
