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
 * @param tokenSecret hex secret (at least 64 hex characters) signing access tokens; {@code ""} means the one kept in
 *     {@code dataDir/token-secret}, created on first start
 */
public record ServerConfig(String host, int port, Optional<String> dbUrl, String dbUser, String dbPassword,
    Path dataDir, List<String> transports, Optional<Path> webRoot, List<String> allowedOrigins, String tokenSecret) {

  public ServerConfig {
    transports = List.copyOf(transports);
    allowedOrigins = List.copyOf(allowedOrigins);
  }

  /** True when the server should start its own embedded PostgreSQL. */
  public boolean embeddedDatabase() {
    return dbUrl.isEmpty();
  }

  /** A copy listening on another port (0 picks a free one). */
  public ServerConfig withPort(int newPort) {
    return new ServerConfig(host, newPort, dbUrl, dbUser, dbPassword, dataDir, transports, webRoot, allowedOrigins,
        tokenSecret);
  }

  // The record's generated toString would print the password and the secret into logs.
  @Override
  public String toString() {
    return "ServerConfig[host=" + host + ", port=" + port + ", dbUrl=" + dbUrl + ", dbUser=" + dbUser
        + ", dbPassword=" + (dbPassword.isEmpty() ? "" : "***") + ", dataDir=" + dataDir + ", transports="
        + transports + ", webRoot=" + webRoot + ", allowedOrigins=" + allowedOrigins + ", tokenSecret="
        + (tokenSecret.isEmpty() ? "" : "***") + "]";
  }
}
