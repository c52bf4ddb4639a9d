package io.senchat.examples.client;

import io.senchat.server.ChatServer;
import io.senchat.server.config.ConfigParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/** The standalone server on a free loopback port, its embedded PostgreSQL in a temporary directory, for tests. */
public final class LocalChatServer implements AutoCloseable {

  private static LocalChatServer shared;

  private final Path dataDir;
  private final ChatServer server;

  private LocalChatServer(Path dataDir, ChatServer server) {
    this.dataDir = dataDir;
    this.server = server;
  }

  /**
   * One server for every test class of the run (starting one takes seconds on a small machine); it stops when the
   * test JVM exits. Tests using it pick usernames no other test uses.
   */
  public static synchronized LocalChatServer shared() {
    if (shared == null) {
      LocalChatServer server = start();
      Runtime.getRuntime().addShutdownHook(new Thread(server::close, "local-chat-server-stop"));
      shared = server;
    }
    return shared;
  }

  /** A server of the caller's own, to close when done. */
  public static LocalChatServer start() {
    Path dataDir;
    try {
      dataDir = Files.createTempDirectory("senchat-examples");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String[] flags = {"--host", "127.0.0.1", "--port", "0", "--data-dir", dataDir.toString(),
        "--token-secret", "0123456789abcdef".repeat(4)};
    return new LocalChatServer(dataDir, ChatServer.start(ConfigParser.parse(flags, Map.of())));
  }

  /** E.g. {@code http://127.0.0.1:41234}. */
  public String url() {
    return server.url().toString();
  }

  @Override
  public void close() {
    try {
      server.close();
    } finally {
      try (Stream<Path> paths = Files.walk(dataDir)) {
        for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(path);
        }
      } catch (IOException e) {
        // A temporary directory left behind is not worth failing a test for.
      }
    }
  }
}
