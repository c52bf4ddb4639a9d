package io.senchat.domain.protocol.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.senchat.domain.Randomized;
import io.senchat.domain.common.ChatException;
import io.senchat.domain.common.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonNumberTest {

  @Test
  void integralLiteralsWithinLongRange() {
    assertEquals(Long.MAX_VALUE, new JsonNumber("9223372036854775807").longValue());
    assertEquals(Long.MIN_VALUE, new JsonNumber("-9223372036854775808").longValue());
    assertEquals(0, new JsonNumber("-0").longValue());
    assertEquals(42, new JsonNumber("42").longValue());
  }

  @ParameterizedTest
  @ValueSource(strings = {"9223372036854775808", "-9223372036854775809", "10000000000000000000", "1.0", "1e2",
      "1E0", "0.5", "-0.0", "123456789012345678901234567890"})
  void nonIntegralOrOutOfRangeLiteralsFailWithATypedError(String literal) {
    JsonNumber number = new JsonNumber(literal);
    assertFalse(number.isIntegral());
    ChatException e = assertThrows(ChatException.class, number::longValue);
    assertEquals(ErrorCode.BAD_FRAME, e.code());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "-", "01", "1.", ".1", "+1", "1e", "0x1", " 1", "1 ", "NaN"})
  void refusesInvalidLiterals(String literal) {
    assertThrows(IllegalArgumentException.class, () -> new JsonNumber(literal));
  }

  @Test
  void everyLongRoundTrips() {
    Randomized.forAll(300, random -> {
      long value = Randomized.anyLong(random);
      JsonNumber number = JsonNumber.of(value);
      assertTrue(number.isIntegral());
      assertEquals(value, number.longValue());
      assertEquals(number, JsonParser.parse(number.toString(), JsonLimits.DEFAULT));
    });
  }
}
