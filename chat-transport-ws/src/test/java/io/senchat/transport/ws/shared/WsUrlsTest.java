package io.senchat.transport.ws.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class WsUrlsTest {

  @Test
  void httpBecomesWsAndHttpsBecomesWss() {
    assertEquals("ws://127.0.0.1:8080/ws", WsUrls.endpoint("http://127.0.0.1:8080", "/ws"));
    assertEquals("wss://chat.example.com/ws", WsUrls.endpoint("https://chat.example.com", "/ws"));
    assertEquals("wss://chat.example.com/ws", WsUrls.endpoint("HTTPS://chat.example.com", "/ws"));
  }

  @Test
  void wsSchemesAreKept() {
    assertEquals("ws://h/ws", WsUrls.endpoint("ws://h", "/ws"));
    assertEquals("wss://h:8443/ws", WsUrls.endpoint("wss://h:8443", "/ws"));
  }

  @Test
  void exactlyOneSlashJoinsBaseAndPath() {
    assertEquals("wss://h/app/ws", WsUrls.endpoint("https://h/app/", "/ws"));
    assertEquals("wss://h/app/ws", WsUrls.endpoint("https://h/app", "ws"));
    assertEquals("ws://h/ws", WsUrls.endpoint(" http://h// ", "/ws"));
  }

  @Test
  void rejectsWhatIsNotAnHttpBase() {
    assertThrows(IllegalArgumentException.class, () -> WsUrls.endpoint("ftp://h", "/ws"));
    assertThrows(IllegalArgumentException.class, () -> WsUrls.endpoint("h:8080", "/ws"));
    assertThrows(IllegalArgumentException.class, () -> WsUrls.endpoint("http://", "/ws"));
    assertThrows(IllegalArgumentException.class, () -> WsUrls.endpoint("http://h?x=1", "/ws"));
    assertThrows(IllegalArgumentException.class, () -> WsUrls.endpoint(null, "/ws"));
  }
}
