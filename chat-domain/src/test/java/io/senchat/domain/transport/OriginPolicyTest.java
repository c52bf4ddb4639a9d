package io.senchat.domain.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class OriginPolicyTest {

  private final OriginPolicy sameOriginOnly = new OriginPolicy(List.of());

  @Test
  void requestsWithoutOriginAreNotFromBrowsersAndPass() {
    assertTrue(sameOriginOnly.allows("", "chat.example.com"));
  }

  @Test
  void sameOriginPassesWithDefaultAndExplicitPorts() {
    assertTrue(sameOriginOnly.allows("https://chat.example.com", "chat.example.com"));
    assertTrue(sameOriginOnly.allows("https://chat.example.com", "chat.example.com:443"));
    assertTrue(sameOriginOnly.allows("http://Chat.Example.com:8080", "chat.example.com:8080"));
    assertTrue(sameOriginOnly.allows("http://[::1]:8080", "[::1]:8080"));
    // TLS ends at a proxy: the page is https, the server hears http, the Host header is the same.
    assertTrue(sameOriginOnly.allows("https://chat.example.com", "chat.example.com"));
  }

  @Test
  void otherHostsPortsAndOpaqueOriginsAreRefused() {
    assertFalse(sameOriginOnly.allows("https://evil.example", "chat.example.com"));
    assertFalse(sameOriginOnly.allows("https://chat.example.com.evil.example", "chat.example.com"));
    assertFalse(sameOriginOnly.allows("http://chat.example.com:8081", "chat.example.com:8080"));
    assertFalse(sameOriginOnly.allows("https://chat.example.com", "chat.example.com:8443"));
    assertFalse(sameOriginOnly.allows("null", "chat.example.com"));
    assertFalse(sameOriginOnly.allows("file://", "chat.example.com"));
    assertFalse(sameOriginOnly.allows("https://chat.example.com", ""));
  }

  @Test
  void listedOriginsPassCaseInsensitively() {
    OriginPolicy policy = new OriginPolicy(List.of("https://app.example.com/", "http://localhost:3000"));
    assertTrue(policy.allows("https://APP.example.com", "api.example.com"));
    assertTrue(policy.allows("http://localhost:3000", "api.example.com"));
    assertFalse(policy.allows("http://localhost:3001", "api.example.com"));
    assertTrue(policy.allows("https://api.example.com", "api.example.com"), "same origin always passes");
  }

  @Test
  void starAllowsAnyOrigin() {
    assertTrue(new OriginPolicy(List.of("*")).allows("https://anything.example", "api.example.com"));
  }

  @Test
  void hostPortParsing() {
    assertEquals(new OriginPolicy.HostPort("h", 80), OriginPolicy.HostPort.parse("h:80"));
    assertEquals(new OriginPolicy.HostPort("h", -1), OriginPolicy.HostPort.parse("h"));
    assertEquals(new OriginPolicy.HostPort("[::1]", -1), OriginPolicy.HostPort.parse("[::1]"));
    assertNull(OriginPolicy.HostPort.parse("h:x"));
    assertNull(OriginPolicy.HostPort.parse("h:"));
    assertNull(OriginPolicy.HostPort.parse("user@h"));
    assertNull(OriginPolicy.HostPort.parse(""));
  }
}
