package io.senchat.store.internal;

import io.senchat.domain.common.ChatException;
import io.senchat.domain.common.ErrorCode;

/** Bounds for page sizes, so that no request can ask the database for unbounded work. */
public final class Pages {

  private Pages() {
  }

  /** {@code requested} capped at {@code max}; below 1 is a caller error. */
  public static int limit(int requested, int max) {
    if (requested < 1) {
      throw new ChatException(ErrorCode.VALIDATION, "limit must be at least 1, got " + requested);
    }
    return Math.min(requested, max);
  }
}
