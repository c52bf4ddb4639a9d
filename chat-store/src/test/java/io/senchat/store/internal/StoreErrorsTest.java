package io.senchat.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.senchat.domain.common.ChatException;
import io.senchat.domain.common.ErrorCode;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** Translation of driver failures to stable error codes; no database needed. */
class StoreErrorsTest {

  @Test
  void mapsSqlStatesToErrorCodes() {
    assertEquals(ErrorCode.CONFLICT, code("23505"));
    assertEquals(ErrorCode.VALIDATION, code("23514"));
    assertEquals(ErrorCode.VALIDATION, code("22001"));
    assertEquals(ErrorCode.NOT_FOUND, code("23503"));
    assertEquals(ErrorCode.UNAVAILABLE, code("08006"));
    assertEquals(ErrorCode.UNAVAILABLE, code("40P01"));
    assertEquals(ErrorCode.UNAVAILABLE, code("57014"));
    assertEquals(ErrorCode.INTERNAL, code("42601"));
    assertEquals(ErrorCode.INTERNAL, StoreErrors.translate(new IllegalStateException("boom")).code());
  }

  @Test
  void keepsTheCauseAndPassesChatExceptionsThrough() {
    RuntimeException failure = new RuntimeException(new SQLException("gone", "08006"));
    assertSame(failure, StoreErrors.translate(failure).getCause());
    ChatException chat = new ChatException(ErrorCode.NOT_MEMBER, "no");
    assertSame(chat, StoreErrors.translate(chat));
  }

  private static ErrorCode code(String sqlState) {
    return StoreErrors.translate(new RuntimeException(new SQLException("x", sqlState))).code();
  }
}
