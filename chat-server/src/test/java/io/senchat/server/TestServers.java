package io.senchat.server;

import io.senchat.server.config.ConfigParser;
import io.senchat.server.config.ServerConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Configurations for servers under test: loopback, a free port, data in a temporary directory. */
final class TestServers {

  /** A fixed secret, so that tests can mint tokens the server accepts (e.g. expired ones). */
  static final String TOKEN_SECRET = "0123456789abcdef".repeat(4);

  private TestServers() {}

  /** Flags for a server on a free port keeping its data in {@code dataDir}, plus {@code extra} flags. */
  static ServerConfig config(Path dataDir, String... extra) {
    List<String> args = new ArrayList<>(List.of("--port", "0", "--data-dir", dataDir.toString(),
        "--token-secret", TOKEN_SECRET));
    args.addAll(List.of(extra));
    return ConfigParser.parse(args.toArray(String[]::new), Map.of());
  }

  static Path tempDir(String prefix) {
    try {
      return Files.createTempDirectory(prefix);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Deletes a directory tree, ignoring what is already gone. */
  static void delete(Path root) {
    if (root == null || !Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
