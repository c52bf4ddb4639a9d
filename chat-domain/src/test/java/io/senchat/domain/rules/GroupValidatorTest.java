package io.senchat.domain.rules;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.senchat.domain.common.ChatException;
import io.senchat.domain.common.ErrorCode;
import org.junit.jupiter.api.Test;

class GroupValidatorTest {

  @Test
  void the500thMemberMayJoin() {
    assertDoesNotThrow(() -> GroupValidator.validateAddMembers(499, 1));
    assertDoesNotThrow(() -> GroupValidator.validateAddMembers(1, 499));
  }

  @Test
  void the501stMemberIsRejectedWithTheLimitInTheMessage() {
    ChatException e = assertThrows(ChatException.class, () -> GroupValidator.validateAddMembers(500, 1));
    assertEquals(ErrorCode.VALIDATION, e.code());
    assertTrue(e.getMessage().contains("500") && e.getMessage().contains("501"), e.getMessage());
    assertThrows(ChatException.class, () -> GroupValidator.validateAddMembers(2, 499));
  }

  @Test
  void aHugeBatchCannotOverflowIntoAnAcceptedTotal() {
    assertThrows(ChatException.class, () -> GroupValidator.validateAddMembers(10, Integer.MAX_VALUE));
  }

  @Test
  void addingNobodyIsRejected() {
    assertThrows(ChatException.class, () -> GroupValidator.validateAddMembers(3, 0));
  }

  @Test
  void newGroupOf500IsAcceptedAnd501Rejected() {
    assertDoesNotThrow(() -> GroupValidator.validateNewGroupSize(500));
    assertThrows(ChatException.class, () -> GroupValidator.validateNewGroupSize(501));
    assertThrows(ChatException.class, () -> GroupValidator.validateNewGroupSize(0));
  }

  @Test
  void titleOf100CodePointsIsAcceptedAnd101Rejected() {
    assertDoesNotThrow(() -> GroupValidator.validateTitle("t".repeat(100)));
    assertDoesNotThrow(() -> GroupValidator.validateTitle("🎉".repeat(100)));
    ChatException e = assertThrows(ChatException.class, () -> GroupValidator.validateTitle("t".repeat(101)));
    assertTrue(e.getMessage().contains("group title") && e.getMessage().contains("100"), e.getMessage());
  }

  @Test
  void blankOrMultiLineTitlesAreRejected() {
    assertThrows(ChatException.class, () -> GroupValidator.validateTitle(" \u3164 "));
    assertThrows(ChatException.class, () -> GroupValidator.validateTitle("a\nb"));
    assertThrows(ChatException.class, () -> GroupValidator.validateTitle(null));
  }
}
