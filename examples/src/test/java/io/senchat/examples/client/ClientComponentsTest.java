package io.senchat.examples.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.senchat.domain.client.FallbackTransportPolicy;
import io.senchat.domain.client.TransportPolicy;
import io.senchat.transport.ws.client.WebSocketClientOptions;
import java.net.http.HttpClient;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClientComponentsTest {

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void eachNameWiresItsPolicyAndEveryClientGetsAFreshOne() {
    try (JvmClientRuntime loop = new JvmClientRuntime("components-test")) {
      WebSocketClientOptions options = WebSocketClientOptions.defaults();
      assertEquals("ws", ClientComponents.forName("ws", loop, http, options).policy().next().name());
      assertEquals("longpoll", ClientComponents.forName("longpoll", loop, http, options).policy().next().name());
      ClientComponents.PolicySource auto = ClientComponents.forName("auto", loop, http, options);
      TransportPolicy first = auto.policy();
      assertInstanceOf(FallbackTransportPolicy.class, first);
      assertEquals("ws", first.next().name(), "auto starts on WebSocket");
      assertFalse(((FallbackTransportPolicy) first).onFallback());
      assertNotSame(first, auto.policy(), "policies keep per-client state");
      assertThrows(IllegalArgumentException.class, () -> ClientComponents.forName("smoke", loop, http, options));
    }
  }

  @Test
  void theStaticFactoryNamesWhatThisBuildLacks() {
    IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
        () -> TransportPolicies.create("auto", Map.of(), () -> 0));
    assertEquals("transport 'ws' is not in this build; available: []", missing.getMessage());
  }
}
