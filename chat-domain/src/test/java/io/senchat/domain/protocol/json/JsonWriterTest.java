package io.senchat.domain.protocol.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.senchat.domain.Randomized;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class JsonWriterTest {

  @Test
  void escapesWhatJsonRequires() {
    assertEquals("\"q\\\"b\\\\s/\\b\\f\\n\\r\\t\\u0000\\u001f\u007f\"",
        JsonWriter.write(new JsonString("q\"b\\s/\b\f\n\r\t\u0000\u001f\u007f")));
  }

  @Test
  void escapesWhatCouldBreakOutOfHtmlOrScript() {
    assertEquals("\"\\u003c/script\\u003e\\u003c!-- \\u0026amp; it\\u0027s\"",
        JsonWriter.write(new JsonString("</script><!-- &amp; it's")));
    assertEquals("\"a\\u2028b\\u2029c\"", JsonWriter.write(new JsonString("a\u2028b\u2029c")));
  }

  @Test
  void writesPairedSurrogatesAsIsAndUnpairedOnesEscaped() {
    assertEquals("\"😀é中\"", JsonWriter.write(new JsonString("😀é中")));
    assertEquals("\"\\ud83d x \\ude00\\ud83d\"", JsonWriter.write(new JsonString("\uD83D x \uDE00\uD83D")));
  }

  @Test
  void writesCompactly() {
    JsonObject object = JsonObject.builder()
        .put("n", -5)
        .put("s", "x")
        .put("b", false)
        .put("z", JsonNull.INSTANCE)
        .put("a", new JsonArray(List.of(new JsonNumber("1.5e3"), JsonObject.EMPTY, JsonArray.EMPTY)))
        .build();
    assertEquals("{\"n\":-5,\"s\":\"x\",\"b\":false,\"z\":null,\"a\":[1.5e3,{},[]]}", JsonWriter.write(object));
    assertEquals(JsonWriter.write(object), object.toString());
  }

  @Test
  void builderRefusesDuplicateNames() {
    JsonObject.Builder builder = JsonObject.builder().put("a", 1);
    assertThrows(IllegalArgumentException.class, () -> builder.put("a", 2));
  }

  private static final String HAZARDS = "\"\\<>&'\u2028\u0000\uD800\uDC00😀";

  private static String string(Random random) {
    return random.nextBoolean() ? Randomized.anyChars(random, 0, 12) : Randomized.stringOf(random, 0, 8, HAZARDS);
  }

  private static JsonValue leaf(Random random) {
    switch (random.nextInt(4)) {
      case 0:
        return new JsonString(string(random));
      case 1:
        return JsonNumber.of(Randomized.anyLong(random));
      case 2:
        return new JsonNumber(Randomized.oneOf(random, "0.5", "-1e-7", "1E+300", "-0"));
      default:
        return Randomized.oneOf(random, JsonBool.TRUE, JsonBool.FALSE, JsonNull.INSTANCE);
    }
  }

  /** A leaf at depth 0, else an array or object of up to four values, each nested one level less deep. */
  private static JsonValue value(Random random, int depth) {
    if (depth == 0) {
      return leaf(random);
    }
    if (random.nextBoolean()) {
      return new JsonArray(new ArrayList<>(Randomized.listOf(random, 0, 4, r -> value(r, depth - 1))));
    }
    Map<String, JsonValue> members = new LinkedHashMap<>();
    for (int size = Randomized.intBetween(random, 0, 4); size > 0; size--) {
      members.put(string(random), value(random, depth - 1));
    }
    return new JsonObject(members);
  }

  @Test
  void writtenTextParsesBackToTheSameValue() {
    Randomized.forAll(200, random -> {
      JsonValue value = value(random, random.nextInt(5));
      String text = JsonWriter.write(value);
      assertEquals(value, JsonParser.parse(text, JsonLimits.DEFAULT));
      Map<Character, Boolean> forbidden = Map.of('<', true, '>', true, '&', true, '\'', true, '\u2028', true);
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (forbidden.containsKey(c) || c < 0x20) {
          throw new AssertionError("unescaped U+" + Integer.toHexString(c) + " in " + text);
        }
      }
    });
  }
}
