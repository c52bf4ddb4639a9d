package io.senchat.domain.protocol.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.senchat.domain.common.ErrorCode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonParserTest {

  private static final JsonLimits BIG = new JsonLimits(4_000_000, 32, 10_000);

  private static JsonValue parse(String text) {
    return JsonParser.parse(text, JsonLimits.DEFAULT);
  }

  private static JsonParseException rejected(String text, JsonLimits limits) {
    return assertThrows(JsonParseException.class, () -> JsonParser.parse(text, limits), text);
  }

  @Test
  void parsesEveryKindOfValue() {
    JsonValue value = parse(" {\"a\" : [1, -2.5e3, true, false, null, \"x\"], \"b\":{}, \"c\":[]}\r\n\t");
    JsonObject expected = JsonObject.builder()
        .put("a", new JsonArray(List.of(new JsonNumber("1"), new JsonNumber("-2.5e3"), JsonBool.TRUE,
            JsonBool.FALSE, JsonNull.INSTANCE, new JsonString("x"))))
        .put("b", JsonObject.EMPTY)
        .put("c", JsonArray.EMPTY)
        .build();
    assertEquals(expected, value);
  }

  @Test
  void keepsMemberOrder() {
    JsonObject object = (JsonObject) parse("{\"z\":1,\"a\":2,\"m\":3}");
    assertEquals(List.of("z", "a", "m"), List.copyOf(object.members().keySet()));
    assertEquals("{\"z\":1,\"a\":2,\"m\":3}", JsonWriter.write(object));
  }

  @Test
  void decodesEscapes() {
    assertEquals(new JsonString("\"\\/\b\f\n\r\té😀"),
        parse("\"\\\"\\\\\\/\\b\\f\\n\\r\\t\\u00E9\\ud83d\\uDE00\""));
  }

  @Test
  void keepsEscapedUnpairedSurrogatesAsJavaScriptDoes() {
    assertEquals(new JsonString("a\uD800b\uDC00"), parse("\"a\\uD800b\\udc00\""));
  }

  @Test
  void keepsNumberLiterals() {
    for (String literal : List.of("0", "-0", "12", "-12", "1.5", "1e5", "1E+5", "1e-5", "-0.0e0",
        "123456789012345678901234567890")) {
      assertEquals(new JsonNumber(literal), parse(literal));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "{", "}", "[", "[1,]", "[,1]", "{\"a\":1,}", "{a:1}", "{\"a\"1}", "{\"a\":}",
      "{1:1}", "'x'", "\"abc", "\"\\x\"", "\"\\u12G4\"", "\"\\u12\"", "\"\\", "tru", "truee", "nul", "nulll",
      "True", "NaN", "Infinity", "-Infinity", "01", "-01", "00", "-", "+1", ".5", "1.", "1.e5", "1e", "1e+",
      "0x10", "[1 2]", "{\"a\":1 \"b\":2}", "1 2", "[]]", "{}}", "\uFEFF{}", "\u00A0{}", "[\"a\"]x", "/* */{}"})
  void rejectsMalformedJson(String text) {
    assertEquals(ErrorCode.BAD_JSON, rejected(text, JsonLimits.DEFAULT).code());
  }

  @Test
  void rejectsRawControlCharactersInStrings() {
    for (char c = 0; c < 0x20; c++) {
      assertEquals(ErrorCode.BAD_JSON, rejected("\"a" + c + "b\"", JsonLimits.DEFAULT).code());
    }
    assertEquals(new JsonString("\u007f"), parse("\"\u007f\""));
  }

  @Test
  void rejectsDuplicateMemberNames() {
    JsonParseException e = rejected("{\"a\":1,\"b\":2,\"a\":3}", JsonLimits.DEFAULT);
    assertEquals(ErrorCode.BAD_JSON, e.code());
    assertEquals(13, e.offset());
    // Escapes cannot smuggle a duplicate past the check.
    assertEquals(ErrorCode.BAD_JSON, rejected("{\"a\":1,\"\\u0061\":2}", JsonLimits.DEFAULT).code());
  }

  @Test
  void reportsTheOffsetOfTheProblem() {
    assertEquals(5, rejected("[1,2,x]", JsonLimits.DEFAULT).offset());
    assertEquals(1, rejected("01", JsonLimits.DEFAULT).offset());
    assertEquals(4, rejected("\"ab\\q\"", JsonLimits.DEFAULT).offset());
    assertEquals(3, rejected("{} x", JsonLimits.DEFAULT).offset());
    assertEquals(6, rejected("[1,2,3", JsonLimits.DEFAULT).offset());
    assertEquals("unexpected character at offset 5", rejected("[1,2,x]", JsonLimits.DEFAULT).getMessage());
  }

  @Test
  void rejectsNullInputAsBadJson() {
    assertEquals(ErrorCode.BAD_JSON, rejected(null, JsonLimits.DEFAULT).code());
  }

  @Test
  void sizeLimitIsCheckedBeforeParsing() {
    JsonLimits limits = new JsonLimits(10, 32, 100);
    assertEquals(new JsonString("12345678"), JsonParser.parse("\"12345678\"", limits));
    // Exactly at the limit passes, one more character fails even though the rest is garbage.
    assertEquals(ErrorCode.TOO_LARGE, rejected("\"123456789\"", limits).code());
    assertEquals(ErrorCode.TOO_LARGE, rejected("}}}}}}}}}}}", limits).code());
  }

  @Test
  void depthLimitCountsNestedContainers() {
    JsonLimits limits = new JsonLimits(1000, 3, 100);
    assertEquals(3, depth(JsonParser.parse("[{\"a\":[1]}]", limits)));
    assertEquals(ErrorCode.TOO_LARGE, rejected("[{\"a\":[[]]}]", limits).code());
  }

  @Test
  void deepNestingGivesATypedErrorNotAStackOverflow() {
    assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
      assertEquals(ErrorCode.TOO_LARGE, rejected("[".repeat(100_000), BIG).code());
      assertEquals(ErrorCode.TOO_LARGE, rejected("{\"a\":".repeat(100_000), BIG).code());
      assertEquals(ErrorCode.TOO_LARGE,
          rejected("[".repeat(100_000) + "]".repeat(100_000), BIG).code());
      JsonLimits deepest = new JsonLimits(4_000_000, JsonLimits.DEPTH_CEILING, 10);
      String nested = "[".repeat(JsonLimits.DEPTH_CEILING) + "]".repeat(JsonLimits.DEPTH_CEILING);
      assertEquals(JsonLimits.DEPTH_CEILING, depth(JsonParser.parse(nested, deepest)));
    });
  }

  @Test
  void entryLimitAppliesPerContainer() {
    JsonLimits limits = new JsonLimits(100_000, 32, 3);
    assertEquals(3, ((JsonArray) JsonParser.parse("[1,2,3]", limits)).size());
    assertEquals(ErrorCode.TOO_LARGE, rejected("[1,2,3,4]", limits).code());
    assertEquals(3, ((JsonObject) JsonParser.parse("{\"a\":1,\"b\":2,\"c\":3}", limits)).size());
    assertEquals(ErrorCode.TOO_LARGE, rejected("{\"a\":1,\"b\":2,\"c\":3,\"d\":4}", limits).code());
    assertEquals(2, ((JsonArray) JsonParser.parse("[[1,2,3],[1,2,3]]", limits)).size());
  }

  @Test
  void pathologicalInputsFinishQuickly() {
    assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
      String manyEscapes = "\"" + "\\u0041".repeat(500_000) + "\"";
      assertEquals(500_000, ((JsonString) JsonParser.parse(manyEscapes, BIG)).value().length());
      String longNumber = "1" + "0".repeat(3_000_000);
      assertEquals(false, ((JsonNumber) JsonParser.parse(longNumber, BIG)).isIntegral());
      StringBuilder keys = new StringBuilder("{");
      for (int i = 0; i < 10_000; i++) {
        keys.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":0");
      }
      assertEquals(10_000, ((JsonObject) JsonParser.parse(keys.append('}').toString(), BIG)).size());
    });
  }

  @Test
  void objectEqualityIgnoresOrder() {
    assertEquals(parse("{\"a\":1,\"b\":2}"), parse("{\"b\":2,\"a\":1}"));
    assertEquals(new JsonObject(Map.of("a", JsonBool.TRUE)), parse("{\"a\":true}"));
  }

  private static int depth(JsonValue value) {
    int deepest = 0;
    if (value instanceof JsonArray array) {
      for (JsonValue element : array.elements()) {
        deepest = Math.max(deepest, depth(element));
      }
      return deepest + 1;
    }
    if (value instanceof JsonObject object) {
      for (JsonValue member : object.members().values()) {
        deepest = Math.max(deepest, depth(member));
      }
      return deepest + 1;
    }
    return 0;
  }
}
