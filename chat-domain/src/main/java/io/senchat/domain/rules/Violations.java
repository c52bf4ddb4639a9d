package io.senchat.domain.rules;

import io.senchat.domain.common.ChatException;
import io.senchat.domain.common.ErrorCode;

/** Builds the {@link ErrorCode#VALIDATION} failures thrown by the validators of this package. */
final class Violations {

  private Violations() {
  }

  static ChatException invalid(String message) {
    return new ChatException(ErrorCode.VALIDATION, message);
  }

  static void require(boolean condition, String message) {
    if (!condition) {
      throw invalid(message);
    }
  }
}
