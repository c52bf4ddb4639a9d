package io.senchat.server.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Everything the server is configured with, from flags and environment variables (see {@link ConfigParser}).
 *
 * @param host address to bind, 127.0.0.1 by default so a dev server is not exposed by accident
 * @param port HTTP port
 * @param dbUrl JDBC URL of an external PostgreSQL; empty means the embedded PostgreSQL under {@code dataDir}
 * @param dbUser user for the external PostgreSQL
 * @param dbPassword password for the external PostgreSQL (empty for trust auth)
 * @param dataDir where the embedded PostgreSQL keeps its data
 * @param transports enabled transports, in preference order (e.g. ws, longpoll)
 * @param webRoot directory with the compiled web app to serve at {@code /}; empty means the copy on the classpath
 * @param allowedOrigins origins allowed to open real-time connections; empty means same-origin only
 */
public record ServerConfig(String host, int port, Optional<String> dbUrl, String dbUser, String dbPassword,
    Path dataDir, List<String> transports, Optional<Path> webRoot, List<String> allowedOrigins) {

  public ServerConfig {
    transports = List.copyOf(transports);
    allowedOrigins = List.copyOf(allowedOrigins);
  }

  /** True when the server should start its own embedded PostgreSQL. */
  public boolean embeddedDatabase() {
    return dbUrl.isEmpty();
  }
}
