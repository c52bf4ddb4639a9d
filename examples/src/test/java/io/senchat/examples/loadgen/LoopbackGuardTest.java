package io.senchat.examples.loadgen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The load generator only ever aims at this machine. */
class LoopbackGuardTest {

  @ParameterizedTest
  @ValueSource(strings = {
      "http://127.0.0.1:8080",
      "http://127.0.0.1",
      "https://127.0.0.1:8443/",
      "http://127.255.255.254:9000",
      "http://127.1.2.3:1",
      "http://localhost:8080",
      "HTTP://LOCALHOST:8080",
      "http://[::1]:8080",
      "http://[0:0:0:0:0:0:0:1]:8080",
      "http://127.0.0.1:8080/chat",
  })
  void acceptsLoopbackTargets(String url) {
    assertEquals(url, LoopbackGuard.requireLoopback(url).toString());
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "http://10.0.0.5:8080",
      "http://192.168.1.10:8080",
      "http://0.0.0.0:8080",
      "http://128.0.0.1:8080",
      "http://example.com:8080",
      // Names are not looked up, even when they would resolve to a loopback address.
      "http://localhost.example.com:8080",
      "http://127.0.0.1.nip.io:8080",
      "http://localhost.:8080",
      "http://ip6-localhost:8080",
      // Short and numeric IPv4 forms that resolvers accept.
      "http://127.1:8080",
      "http://2130706433:8080",
      "http://0x7f.0.0.1:8080",
      "http://127.0.0.256:8080",
      "http://[::2]:8080",
      "http://[::]:8080",
      "http://[::ffff:10.0.0.1]:8080",
  })
  void refusesEverythingElse(String url) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> LoopbackGuard.requireLoopback(url));
    assertTrue(e.getMessage().contains("only targets this machine"), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"ws://127.0.0.1:8080", "ftp://127.0.0.1", "127.0.0.1:8080", "http://user:pw@127.0.0.1:80",
      "http://127.0.0.1:8080/a b", "http://[fe80::1%25eth0]:8080", "", "   "})
  void refusesMalformedUrls(String url) {
    assertThrows(IllegalArgumentException.class, () -> LoopbackGuard.requireLoopback(url));
  }

  @Test
  void optionsCannotBeBuiltForAnotherHost() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> LoadGenOptions.parse(new String[] {"--url", "http://93.184.215.14:80", "--clients", "1"}));
    assertTrue(e.getMessage().startsWith("refusing --url"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> LoadGenOptions.parse(new String[] {"--clients", "1"}));
  }
}
