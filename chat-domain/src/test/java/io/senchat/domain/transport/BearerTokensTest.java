package io.senchat.domain.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class BearerTokensTest {

  @Test
  void readsTheTokenOfABearerHeaderOnly() {
    assertEquals("abc.def", BearerTokens.fromAuthorization("Bearer abc.def"));
    assertEquals("abc", BearerTokens.fromAuthorization("bearer  abc "));
    assertEquals("", BearerTokens.fromAuthorization("Bearer "));
    assertEquals("", BearerTokens.fromAuthorization("Basic dXNlcjpwdw=="));
    assertEquals("", BearerTokens.fromAuthorization(null));
    assertEquals("", BearerTokens.fromAuthorization("Bear"));
  }
}
