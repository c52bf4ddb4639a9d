package io.senchat.server;

import io.senchat.server.config.ConfigException;
import io.senchat.server.config.ConfigParser;
import io.senchat.server.config.ServerConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code java -jar chat-server.jar [--port 8080] [--db-url jdbc:postgresql://...] ...}: runs SenChat. */
public final class ChatServerMain {

  /** Exit status for a configuration the server cannot use; the message says what to change. */
  static final int EXIT_CONFIG = 2;
  /** Exit status for any other failure to start. */
  static final int EXIT_FAILURE = 1;

  private static final String USAGE = """
      Usage: java -jar chat-server.jar [flags]

        --host <address>           address to listen on (default 127.0.0.1; 0.0.0.0 for every interface)
        --port <n>                 HTTP port (default 8080; 0 picks a free one)
        --data-dir <dir>           where the embedded PostgreSQL and the token secret live (default ./data)
        --db-url <jdbc url>        use this PostgreSQL instead of the embedded one, e.g.
                                   jdbc:postgresql://127.0.0.1:5432/senchat
        --db-user <name>           user for --db-url (default postgres)
        --db-password <secret>     password for --db-url
        --transports <list>        real-time transports, in preference order (default ws,longpoll)
        --allowed-origins <list>   other web origins allowed to connect, e.g. https://app.example.com
        --web-root <dir>           serve the web app from this directory instead of the bundled one
        --token-secret <hex>       64+ hex characters signing access tokens (default: kept in <data-dir>)

      Every flag has an environment twin: CHAT_PORT, CHAT_DB_URL, CHAT_TOKEN_SECRET, ...
      """;

  private ChatServerMain() {}

  public static void main(String[] args) {
    if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"))) {
      System.out.print(USAGE);
      return;
    }
    // Before the first logger exists: the server's own logging setup, unless the user brought one.
    if (System.getProperty("logback.configurationFile") == null) {
      System.setProperty("logback.configurationFile", "io/senchat/server/logback-server.xml");
    }
    Logger log = LoggerFactory.getLogger(ChatServerMain.class);
    ChatServer server;
    try {
      ServerConfig config = ConfigParser.parse(args, System.getenv());
      server = ChatServer.start(config);
    } catch (ConfigException e) {
      System.err.println("senchat: " + e.getMessage());
      System.err.println("Run with --help to see every flag.");
      System.exit(EXIT_CONFIG);
      return;
    } catch (RuntimeException e) {
      log.error("SenChat could not start: {}", e.getMessage(), e);
      System.exit(EXIT_FAILURE);
      return;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(server::close, "senchat-shutdown"));
    log.info("SenChat listening on {} (database: {})", server.url(), server.databaseDescription());
  }
}
