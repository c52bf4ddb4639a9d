package io.senchat.store.message;

import java.time.Duration;

/**
 * Tuning of the group-commit {@link MessageWriter}.
 *
 * @param writers writer threads; each owns the conversations that hash to it, so per-conversation order is kept
 *     and writers never wait for each other's row locks
 * @param queueCapacity pending messages per writer before submissions are rejected with UNAVAILABLE
 * @param maxBatch messages per transaction at most
 * @param linger how long a writer waits for more messages when its batch is not full; zero commits at once and
 *     relies on messages piling up during the previous commit
 */
public record GroupCommitConfig(int writers, int queueCapacity, int maxBatch, Duration linger) {

  /** Two writers, 4096 pending each, batches of up to 256, 1 ms linger. */
  public static final GroupCommitConfig DEFAULTS = new GroupCommitConfig(2, 4096, 256, Duration.ofMillis(1));

  public GroupCommitConfig {
    if (writers < 1 || writers > 64 || queueCapacity < 1 || maxBatch < 1 || maxBatch > 10_000 || linger == null
        || linger.isNegative() || linger.compareTo(Duration.ofSeconds(1)) > 0) {
      throw new IllegalArgumentException("bad group commit config");
    }
  }
}
