package io.senchat.server.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConfigParserTest {

  @Test
  void defaultsStartEmbeddedDatabaseOnLoopbackWithBothTransports() {
    ServerConfig config = ConfigParser.parse(new String[0], Map.of());

    assertEquals("127.0.0.1", config.host());
    assertEquals(8080, config.port());
    assertTrue(config.embeddedDatabase());
    assertEquals(Path.of("data"), config.dataDir());
    assertEquals(List.of("ws", "longpoll"), config.transports());
  }

  @Test
  void flagsWinOverEnvironmentAndBothFlagFormsWork() {
    ServerConfig config = ConfigParser.parse(
        new String[] {"--port=9000", "--db-url", "jdbc:postgresql://db:5432/chat", "--transports", "longpoll"},
        Map.of("CHAT_PORT", "7000", "CHAT_DB_USER", "chat"));

    assertEquals(9000, config.port());
    assertEquals(Optional.of("jdbc:postgresql://db:5432/chat"), config.dbUrl());
    assertEquals("chat", config.dbUser());
    assertEquals(List.of("longpoll"), config.transports());
  }

  @Test
  void tokenSecretComesFromFlagOrEnvironmentAndMustBeLongHex() {
    String hex = "ab".repeat(32);
    assertEquals("", ConfigParser.parse(new String[0], Map.of()).tokenSecret());
    assertEquals(hex, ConfigParser.parse(new String[] {"--token-secret", hex}, Map.of()).tokenSecret());
    assertEquals(hex, ConfigParser.parse(new String[0], Map.of("CHAT_TOKEN_SECRET", hex)).tokenSecret());
    assertTrue(!ConfigParser.parse(new String[] {"--token-secret", hex}, Map.of()).toString().contains(hex),
        "toString must not print the secret");

    ConfigException shortSecret = assertThrows(ConfigException.class,
        () -> ConfigParser.parse(new String[] {"--token-secret", "abcd"}, Map.of()));
    assertTrue(shortSecret.getMessage().contains("64 hex characters"), shortSecret.getMessage());
    assertThrows(ConfigException.class,
        () -> ConfigParser.parse(new String[] {"--token-secret", "zz".repeat(32)}, Map.of()));
  }

  @Test
  void badValuesSayWhatToDo() {
    ConfigException port = assertThrows(ConfigException.class,
        () -> ConfigParser.parse(new String[] {"--port", "http"}, Map.of()));
    assertTrue(port.getMessage().contains("0 to 65535"), port.getMessage());

    ConfigException transport = assertThrows(ConfigException.class,
        () -> ConfigParser.parse(new String[] {"--transports", "ws,smoke"}, Map.of()));
    assertTrue(transport.getMessage().contains("choose from [ws, longpoll]"), transport.getMessage());

    ConfigException unknown = assertThrows(ConfigException.class,
        () -> ConfigParser.parse(new String[] {"--prot", "1"}, Map.of()));
    assertTrue(unknown.getMessage().contains("--port"), unknown.getMessage());

    ConfigException url = assertThrows(ConfigException.class,
        () -> ConfigParser.parse(new String[] {"--db-url", "mysql://x"}, Map.of()));
    assertTrue(url.getMessage().contains("jdbc:postgresql://"), url.getMessage());
  }
}
