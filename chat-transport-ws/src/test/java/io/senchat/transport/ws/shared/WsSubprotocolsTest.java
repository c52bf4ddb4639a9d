package io.senchat.transport.ws.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class WsSubprotocolsTest {

  @Test
  void offersTheProtocolFirstThenTheToken() {
    assertEquals(List.of("senchat.v1", "bearer.abc.DEF-123_x"), WsSubprotocols.offer("abc.DEF-123_x"));
    assertEquals(List.of("senchat.v1"), WsSubprotocols.offer(""));
    assertEquals(List.of("senchat.v1"), WsSubprotocols.offer(null));
  }

  @Test
  void jwtAndBase64UrlTokensPassUnchanged() {
    String jwt = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
    assertEquals(jwt, WsSubprotocols.encodeToken(jwt));
  }

  @Test
  void everythingOutsideTheTokenCharactersIsPercentEncodedAsUtf8() {
    assertEquals("a%20b%2Fc%3D%25%2C%3B", WsSubprotocols.encodeToken("a b/c=%,;"));
    assertEquals("%C3%A4%E2%82%AC%F0%9F%98%80", WsSubprotocols.encodeToken("ä€😀"));
    String encoded = WsSubprotocols.encodeToken("any \"thing\" (at) {all} [é]\t");
    for (char c : encoded.toCharArray()) {
      assertTrue(Character.isLetterOrDigit(c) || "!#$%&'*+-.^_`|~".indexOf(c) >= 0, "not a tchar: " + c);
    }
  }
}
