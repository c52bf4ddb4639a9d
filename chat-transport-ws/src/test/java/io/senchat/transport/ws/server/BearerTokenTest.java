package io.senchat.transport.ws.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.senchat.transport.ws.shared.WsSubprotocols;
import java.util.List;
import org.junit.jupiter.api.Test;

class BearerTokenTest {

  @Test
  void decodingReversesTheClientsEncoding() {
    for (String token : List.of("plain.jwt-token_x", "a b/c=%,;", "ä€😀", "%", "%%41", "")) {
      assertEquals(token, BearerToken.decode(WsSubprotocols.encodeToken(token)), token);
    }
  }

  @Test
  void malformedEscapesYieldNoToken() {
    assertEquals("", BearerToken.decode("abc%"));
    assertEquals("", BearerToken.decode("abc%4"));
    assertEquals("", BearerToken.decode("abc%zz"));
    assertEquals("", BearerToken.decode("ä%20"));
  }

  @Test
  void toStringNeverShowsTheToken() {
    String text = new BearerToken("secret-value", BearerToken.Source.HEADER).toString();
    assertFalse(text.contains("secret"), text);
  }
}
