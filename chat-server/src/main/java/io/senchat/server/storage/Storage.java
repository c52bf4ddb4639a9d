package io.senchat.server.storage;

import io.senchat.store.ChatStore;
import io.senchat.store.message.GroupCommitConfig;
import io.senchat.store.message.MessageWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The opened store with its group-commit writer and the resources under it (an embedded PostgreSQL, a connection
 * pool the server built), closed in dependency order: writer, store, then what lies beneath.
 */
public final class Storage implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Storage.class);

  private final ChatStore store;
  private final MessageWriter writer;
  private final List<AutoCloseable> beneath;
  private final String description;
  private final AtomicBoolean closed = new AtomicBoolean();

  /**
   * The server's group-commit writer: as the store's defaults, but without linger. A batch commits as soon as its
   * writer is free and whatever arrives during that commit's fsync forms the next one, so batches grow with load by
   * themselves and a lone message never waits on a timer (the 1 ms default suits the store's throughput benchmark).
   */
  static final GroupCommitConfig WRITER = new GroupCommitConfig(GroupCommitConfig.DEFAULTS.writers(),
      GroupCommitConfig.DEFAULTS.queueCapacity(), GroupCommitConfig.DEFAULTS.maxBatch(), Duration.ZERO);

  private Storage(ChatStore store, MessageWriter writer, List<AutoCloseable> beneath, String description) {
    this.store = store;
    this.writer = writer;
    this.beneath = beneath;
    this.description = description;
  }

  /**
   * Starts a writer over an opened store. {@code beneath} are closed after the store, in the order given (e.g. the
   * pool, then the embedded server it connects to); if starting the writer fails they are closed at once.
   *
   * @param description where the data lives, for the startup log line
   */
  public static Storage open(ChatStore store, String description, AutoCloseable... beneath) {
    try {
      MessageWriter writer = store.startWriter(WRITER);
      return new Storage(store, writer, List.of(beneath), description);
    } catch (RuntimeException e) {
      closeAll(List.of(store), e);
      closeAll(List.of(beneath), e);
      throw e;
    }
  }

  /** Closes {@code resources} in order, adding their failures to {@code failure} (for startup clean-up). */
  static void closeAll(List<AutoCloseable> resources, Throwable failure) {
    for (AutoCloseable resource : resources) {
      try {
        resource.close();
      } catch (Exception e) {
        failure.addSuppressed(e);
      }
    }
  }

  public ChatStore store() {
    return store;
  }

  public MessageWriter writer() {
    return writer;
  }

  /** Where the data lives, e.g. {@code embedded PostgreSQL in ./data/postgres}. */
  public String description() {
    return description;
  }

  /** True while the database answers a trivial query. */
  public boolean healthy() {
    try {
      store.changes().head();
      return true;
    } catch (RuntimeException e) {
      LOG.warn("Health check failed: {}", e.toString());
      return false;
    }
  }

  /** Closes the writer (which writes what is queued), the store, then what lies beneath; logs failures. Idempotent. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    List<AutoCloseable> order = new ArrayList<>();
    order.add(writer);
    order.add(store);
    order.addAll(beneath);
    for (AutoCloseable resource : order) {
      try {
        resource.close();
      } catch (Exception e) {
        LOG.warn("Could not close {}", resource, e);
      }
    }
  }

  @Override
  public String toString() {
    return "Storage[" + description + "]";
  }
}
