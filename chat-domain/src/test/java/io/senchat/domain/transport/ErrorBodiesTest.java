package io.senchat.domain.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.senchat.domain.common.ErrorCode;
import org.junit.jupiter.api.Test;

class ErrorBodiesTest {

  @Test
  void bodyUsesTheWireNameAndEscapesTheMessage() {
    assertEquals("{\"code\":\"unauthenticated\",\"message\":\"say \\\"hi\\\"\\n\\\\ \\u0001\"}",
        ErrorBodies.body(ErrorCode.UNAUTHENTICATED, "say \"hi\"\n\\ \u0001"));
    assertEquals("{\"code\":\"forbidden\",\"message\":\"\"}", ErrorBodies.body(ErrorCode.FORBIDDEN, null));
  }
}
