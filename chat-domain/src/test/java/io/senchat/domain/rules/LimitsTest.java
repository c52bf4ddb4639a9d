package io.senchat.domain.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LimitsTest {

  @Test
  void attachmentLimitIsExactly100MiB() {
    assertEquals(104_857_600L, Limits.MAX_ATTACHMENT_BYTES);
  }

  @Test
  void editWindowNeverOutlastsTheDeleteWindowBecauseAnEditCanBlankAMessage() {
    assertTrue(Limits.EDIT_WINDOW_MILLIS <= Limits.DELETE_FOR_EVERYONE_WINDOW_MILLIS);
  }

  @Test
  void typingExpiryCoversTheLongestGapBetweenKeystrokeDrivenRefreshesWithSlack() {
    assertTrue(Limits.TYPING_EXPIRY_MILLIS >= Limits.TYPING_REFRESH_MILLIS + Limits.TYPING_IDLE_MILLIS + 1_000);
  }

  @Test
  void headlineLimits() {
    assertEquals(4000, Limits.MAX_TEXT_CHARS);
    assertEquals(500, Limits.MAX_GROUP_MEMBERS);
    assertEquals(100, Limits.OFFLINE_QUEUE_CAPACITY);
    assertEquals(30_000, Limits.BACKOFF_CAP_MILLIS);
    assertEquals(3_000, Limits.TYPING_IDLE_MILLIS);
    assertEquals(100, Limits.MAX_TITLE_CHARS);
    assertEquals(64, Limits.MAX_DISPLAY_NAME_CHARS);
    assertEquals(64, Limits.MAX_CLIENT_ID_CHARS);
  }
}
