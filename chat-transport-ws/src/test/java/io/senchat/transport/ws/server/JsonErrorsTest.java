package io.senchat.transport.ws.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.senchat.domain.common.ErrorCode;
import org.junit.jupiter.api.Test;

class JsonErrorsTest {

  @Test
  void bodyUsesTheWireNameAndEscapesTheMessage() {
    assertEquals("{\"code\":\"unauthenticated\",\"message\":\"say \\\"hi\\\"\\n\\\\ \\u0001\"}",
        JsonErrors.body(ErrorCode.UNAUTHENTICATED, "say \"hi\"\n\\ \u0001"));
    assertEquals("{\"code\":\"forbidden\",\"message\":\"\"}", JsonErrors.body(ErrorCode.FORBIDDEN, null));
  }
}
