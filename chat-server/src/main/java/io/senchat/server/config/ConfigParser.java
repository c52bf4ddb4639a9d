package io.senchat.server.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads {@link ServerConfig} from command-line flags, falling back to environment variables, then to defaults.
 * Flags are {@code --name value} or {@code --name=value}; each has an environment twin {@code CHAT_NAME}
 * (upper case, dashes as underscores), e.g. {@code --db-url} and {@code CHAT_DB_URL}.
 */
public final class ConfigParser {

  /** Transports this build knows, in default preference order. */
  public static final List<String> KNOWN_TRANSPORTS = List.of("ws", "longpoll");

  private static final Set<String> FLAGS = Set.of("host", "port", "db-url", "db-user", "db-password", "data-dir",
      "transports", "web-root", "allowed-origins", "token-secret");

  private ConfigParser() {}

  /** Parses flags and environment; throws {@link ConfigException} with a fix-it message on bad input. */
  public static ServerConfig parse(String[] args, Map<String, String> env) {
    Map<String, String> flags = readFlags(args);
    String host = value(flags, env, "host", "127.0.0.1");
    int port = parsePort(value(flags, env, "port", "8080"));
    String dbUrl = value(flags, env, "db-url", "");
    if (!dbUrl.isEmpty() && !dbUrl.startsWith("jdbc:postgresql://")) {
      throw new ConfigException("--db-url must be a PostgreSQL JDBC URL such as "
          + "jdbc:postgresql://127.0.0.1:5432/senchat, got: " + dbUrl);
    }
    return new ServerConfig(
        host,
        port,
        dbUrl.isEmpty() ? Optional.empty() : Optional.of(dbUrl),
        value(flags, env, "db-user", "postgres"),
        value(flags, env, "db-password", ""),
        Path.of(value(flags, env, "data-dir", "data")),
        parseTransports(value(flags, env, "transports", String.join(",", KNOWN_TRANSPORTS))),
        optionalPath(value(flags, env, "web-root", "")),
        splitList(value(flags, env, "allowed-origins", "")),
        parseTokenSecret(value(flags, env, "token-secret", "")));
  }

  private static Map<String, String> readFlags(String[] args) {
    Map<String, String> flags = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (!arg.startsWith("--")) {
        throw new ConfigException("unexpected argument '" + arg + "'; flags look like --port 8080");
      }
      String name = arg.substring(2);
      String value;
      int eq = name.indexOf('=');
      if (eq >= 0) {
        value = name.substring(eq + 1);
        name = name.substring(0, eq);
      } else if (i + 1 < args.length) {
        value = args[++i];
      } else {
        throw new ConfigException("flag --" + name + " needs a value");
      }
      if (!FLAGS.contains(name)) {
        throw new ConfigException("unknown flag --" + name + "; known flags: --" + String.join(", --", sorted(FLAGS)));
      }
      flags.put(name, value);
    }
    return flags;
  }

  private static List<String> sorted(Set<String> names) {
    List<String> list = new ArrayList<>(names);
    list.sort(null);
    return list;
  }

  private static String value(Map<String, String> flags, Map<String, String> env, String name, String fallback) {
    String flag = flags.get(name);
    if (flag != null) {
      return flag.trim();
    }
    String fromEnv = env.get("CHAT_" + name.toUpperCase(Locale.ROOT).replace('-', '_'));
    return fromEnv != null ? fromEnv.trim() : fallback;
  }

  private static int parsePort(String text) {
    try {
      int port = Integer.parseInt(text);
      if (port >= 0 && port <= 65535) {
        return port;
      }
    } catch (NumberFormatException ignored) {
      // falls through to the message below
    }
    throw new ConfigException("--port must be a number from 0 to 65535 (0 picks a free port), got: " + text);
  }

  private static List<String> parseTransports(String text) {
    List<String> transports = splitList(text.toLowerCase(Locale.ROOT));
    if (transports.isEmpty()) {
      throw new ConfigException("--transports needs at least one of " + KNOWN_TRANSPORTS);
    }
    for (String transport : transports) {
      if (!KNOWN_TRANSPORTS.contains(transport)) {
        throw new ConfigException("unknown transport '" + transport + "'; choose from " + KNOWN_TRANSPORTS
            + ", e.g. --transports ws,longpoll");
      }
    }
    return transports;
  }

  private static String parseTokenSecret(String hex) {
    if (hex.isEmpty()) {
      return hex;
    }
    boolean isHex = hex.length() % 2 == 0;
    for (int i = 0; i < hex.length() && isHex; i++) {
      isHex = Character.digit(hex.charAt(i), 16) >= 0;
    }
    if (!isHex || hex.length() < 64) {
      throw new ConfigException("--token-secret must be at least 64 hex characters (32 random bytes), e.g. from "
          + "'openssl rand -hex 32'; leave it unset to keep a generated one in <data-dir>/token-secret");
    }
    return hex;
  }

  private static List<String> splitList(String text) {
    List<String> items = new ArrayList<>();
    for (String part : text.split(",")) {
      String item = part.trim();
      if (!item.isEmpty() && !items.contains(item)) {
        items.add(item);
      }
    }
    return items;
  }

  private static Optional<Path> optionalPath(String text) {
    return text.isEmpty() ? Optional.empty() : Optional.of(Path.of(text));
  }
}
