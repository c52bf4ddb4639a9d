package io.senchat.store.db;

import java.nio.file.Path;

/**
 * How to run the embedded PostgreSQL server.
 *
 * @param dataDirectory where the cluster lives and is kept across restarts, or {@code null} for a temporary
 *     directory deleted on close
 * @param port TCP port on 127.0.0.1, or 0 for any free port
 * @param durable true to force {@code fsync=on}, {@code synchronous_commit=on} and {@code full_page_writes=on};
 *     false to turn them off, which is only acceptable for throw-away data (tests, demos)
 */
public record EmbeddedDatabaseConfig(Path dataDirectory, int port, boolean durable) {

  /** Where a kept cluster lives unless configured otherwise, relative to the working directory. */
  public static final Path DEFAULT_DATA_DIRECTORY = Path.of("data", "postgres");

  public EmbeddedDatabaseConfig {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be 0 (any free port) or a TCP port, got " + port);
    }
    if (dataDirectory != null && !durable) {
      // Kept data that may be torn by a crash is worse than no data: refuse rather than surprise.
      throw new IllegalArgumentException("a kept data directory must be durable");
    }
  }

  /** A durable cluster kept under {@code ./data/postgres} on a free port. */
  public static EmbeddedDatabaseConfig defaults() {
    return kept(DEFAULT_DATA_DIRECTORY);
  }

  /** A durable cluster kept under {@code dataDirectory} on a free port. */
  public static EmbeddedDatabaseConfig kept(Path dataDirectory) {
    if (dataDirectory == null) {
      throw new IllegalArgumentException("dataDirectory must not be null");
    }
    return new EmbeddedDatabaseConfig(dataDirectory, 0, true);
  }

  /** A fast, non-durable cluster in a temporary directory that is deleted on close; for tests and demos. */
  public static EmbeddedDatabaseConfig temporary() {
    return new EmbeddedDatabaseConfig(null, 0, false);
  }

  public EmbeddedDatabaseConfig withPort(int newPort) {
    return new EmbeddedDatabaseConfig(dataDirectory, newPort, durable);
  }

  public boolean keepsData() {
    return dataDirectory != null;
  }
}
