package io.senchat.domain.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.senchat.domain.Randomized;
import io.senchat.domain.common.ChatException;
import io.senchat.domain.common.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SyncTokenTest {

  @Test
  void wireForm() {
    assertEquals("1.0.0", SyncToken.INITIAL.toString());
    assertEquals("1.2s.a", SyncToken.of(100, 10).toString());
    assertEquals("1.1y2p0ij32e8e7.1y2p0ij32e8e7", SyncToken.of(Long.MAX_VALUE, Long.MAX_VALUE).toString());
    assertEquals(SyncToken.of(100, 10), SyncToken.parse("1.2s.a"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "1", "1.", "1..", "1.0", "1.0.", "1..0", "2.0.0", "0.0.0", "1.0.0.0", "1.A.0",
      "1.-1.0", "1.+1.0", "1.00.0", "1.0.01", "1. 0.0", "1.0.0 ", "1.1y2p0ij32e8e8.0", "1.zzzzzzzzzzzzz.0",
      "1.10000000000000.0", "x1.0.0", "1.0_0.0"})
  void rejectsAnythingButTheCanonicalForm(String text) {
    ChatException e = assertThrows(ChatException.class, () -> SyncToken.parse(text));
    assertEquals(ErrorCode.BAD_FRAME, e.code());
  }

  @Test
  void rejectsNull() {
    assertEquals(ErrorCode.BAD_FRAME, assertThrows(ChatException.class, () -> SyncToken.parse(null)).code());
  }

  @Test
  void parseInvertsToString() {
    Randomized.forAll(200, random -> {
      SyncToken token = RandomFrames.syncToken(random);
      assertEquals(token, SyncToken.parse(token.toString()));
      assertTrue(token.toString().length() <= 29);
    });
  }

  @Test
  void ordersByTransactionThenEvent() {
    Randomized.forAll(200, random -> {
      SyncToken a = RandomFrames.syncToken(random);
      // A quarter of the pairs share the transaction, so that the event id decides.
      SyncToken b = random.nextInt(4) == 0
          ? SyncToken.of(a.txId(), RandomFrames.syncToken(random).eventId())
          : RandomFrames.syncToken(random);
      int expected = a.txId() != b.txId() ? Long.compare(a.txId(), b.txId())
          : Long.compare(a.eventId(), b.eventId());
      assertEquals(Integer.signum(expected), Integer.signum(a.compareTo(b)));
      assertTrue(SyncToken.INITIAL.compareTo(a) <= 0);
    });
  }

  @Test
  void garbageIsEitherCanonicalOrRejected() {
    Randomized.forAll(200, random -> {
      String text = random.nextBoolean() ? Randomized.stringOf(random, 0, 20, "1.0az-+Z ")
          : Randomized.anyChars(random, 0, 20);
      try {
        assertEquals(text, SyncToken.parse(text).toString());
      } catch (ChatException e) {
        assertEquals(ErrorCode.BAD_FRAME, e.code());
      }
    });
  }
}
