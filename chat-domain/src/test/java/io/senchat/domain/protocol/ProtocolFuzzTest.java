package io.senchat.domain.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.senchat.domain.Randomized;
import io.senchat.domain.common.ErrorCode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Whatever the input, decoding returns a frame or throws a {@link FrameException} with a decoding error code; and
 * whatever it accepts can be encoded again. Any other exception (or a hang) fails these properties.
 */
class ProtocolFuzzTest {

  private static final Set<ErrorCode> DECODING_CODES = EnumSet.of(ErrorCode.BAD_JSON, ErrorCode.BAD_FRAME,
      ErrorCode.UNKNOWN_TYPE, ErrorCode.UNSUPPORTED_VERSION, ErrorCode.TOO_LARGE);

  private static final List<String> JSON_TOKENS = List.of("{", "}", "[", "]", ":", ",", " ", "\"v\"", "1", "2",
      "\"type\"", "\"ping\"", "\"sync\"", "\"message.send\"", "\"welcome\"", "\"data\"", "\"id\"", "\"r1\"", "null",
      "true", "false", "-0", "1e5", "1.5", "\"\\u00", "\"\\ud800\"", "\"", "\\", "\"syncToken\"", "\"1.0.0\"",
      "\"limit\"", "\"conversationId\"", "9007199254740992", "\"events\"", "\"message.hidden\"");

  /** Decodes the text in both directions; returns how many of the two decoders accepted it. */
  static int decodeBothWays(String text) {
    int accepted = 0;
    try {
      Inbound inbound = ProtocolCodec.decodeClient(text);
      assertEquals(inbound, ProtocolCodec.decodeClient(ProtocolCodec.encodeClient(inbound)));
      accepted++;
    } catch (FrameException e) {
      assertTrue(DECODING_CODES.contains(e.code()), () -> e.code() + " for " + text);
    }
    try {
      Outbound outbound = ProtocolCodec.decodeServer(text);
      assertEquals(outbound, ProtocolCodec.decodeServer(ProtocolCodec.encodeServer(outbound)));
      accepted++;
    } catch (FrameException e) {
      assertTrue(DECODING_CODES.contains(e.code()), () -> e.code() + " for " + text);
    }
    return accepted;
  }

  @Test
  void randomStrings() {
    Randomized.forAll(300, random -> decodeBothWays(Randomized.anyChars(random, 0, 200)));
  }

  static String jsonish(Random random) {
    return String.join("", Randomized.listOf(random, 0, 40, r -> Randomized.oneOf(r, JSON_TOKENS)));
  }

  @Test
  void randomJsonTokenSoup() {
    Randomized.forAll(500, random -> {
      String text = jsonish(random);
      decodeBothWays("{\"v\":1," + text);
      decodeBothWays(text);
    });
  }

  @Test
  void randomBytesDecodedAsText() {
    Randomized.forAll(300, random -> {
      byte[] bytes = Randomized.bytes(random, 0, 300);
      decodeBothWays(new String(bytes, StandardCharsets.UTF_8));
      decodeBothWays(new String(bytes, StandardCharsets.ISO_8859_1));
    });
  }

  /**
   * Checking every prefix decodes the frame once per character in each direction, so the time grows with the square
   * of the length; the few random frames longer than this (a sync batch of escape-heavy messages) are drawn again.
   * The round-trip and mutation tests still get them.
   */
  private static final int MAX_TRUNCATED_CHARS = 2_000;

  private static String shortFrame(Random random, Function<Random, String> frames) {
    while (true) {
      String text = frames.apply(random);
      if (text.length() <= MAX_TRUNCATED_CHARS) {
        return text;
      }
    }
  }

  @Test
  void everyTruncationOfAClientFrameIsBadJson() {
    Randomized.forAll(30,
        random -> assertEveryTruncationIsBadJson(shortFrame(random, RandomFrames::clientFrameText)));
  }

  @Test
  void everyTruncationOfAServerFrameIsBadJson() {
    Randomized.forAll(30,
        random -> assertEveryTruncationIsBadJson(shortFrame(random, RandomFrames::serverFrameText)));
  }

  private static void assertEveryTruncationIsBadJson(String text) {
    for (int length = 0; length < text.length(); length++) {
      String prefix = text.substring(0, length);
      try {
        ProtocolCodec.decodeClient(prefix);
        throw new AssertionError("accepted truncated frame " + prefix);
      } catch (FrameException e) {
        assertEquals(ErrorCode.BAD_JSON, e.code(), prefix);
      }
      try {
        ProtocolCodec.decodeServer(prefix);
        throw new AssertionError("accepted truncated frame " + prefix);
      } catch (FrameException e) {
        assertEquals(ErrorCode.BAD_JSON, e.code(), prefix);
      }
    }
  }

  /** A change at a position given as a fraction of the text: replace, insert before, or delete a character. */
  record Mutation(double where, int kind, char c) {
    String apply(String text) {
      if (text.isEmpty()) {
        return String.valueOf(c);
      }
      int at = Math.min(text.length() - 1, (int) (where * text.length()));
      return switch (kind) {
        case 0 -> text.substring(0, at) + c + text.substring(at + 1);
        case 1 -> text.substring(0, at) + c + text.substring(at);
        default -> text.substring(0, at) + text.substring(at + 1);
      };
    }
  }

  private static final char[] MUTATION_CHARS = {'{', '}', '[', ']', '"', ':', ',', '\\', '0', '1', '9', '-', '.',
      'e', 'n', 't', 'u', ' ', '\u0000', '\uD800', 'x'};

  /** One to three mutations; half of the characters are JSON syntax and hazards, half are any UTF-16 code unit. */
  static List<Mutation> mutations(Random random) {
    return Randomized.listOf(random, 1, 3, r -> {
      double where = r.nextInt(10) == 0 ? Randomized.oneOf(r, 0.0, 1.0) : r.nextDouble();
      char c = r.nextBoolean() ? MUTATION_CHARS[r.nextInt(MUTATION_CHARS.length)] : Randomized.anyChar(r);
      return new Mutation(where, r.nextInt(3), c);
    });
  }

  @Test
  void mutatedClientFrames() {
    Randomized.forAll(300, random -> decodeBothWays(mutate(RandomFrames.clientFrameText(random), mutations(random))));
  }

  @Test
  void mutatedServerFrames() {
    Randomized.forAll(300, random -> decodeBothWays(mutate(RandomFrames.serverFrameText(random), mutations(random))));
  }

  private static String mutate(String text, List<Mutation> changes) {
    String result = text;
    for (Mutation change : changes) {
      result = change.apply(result);
    }
    return result;
  }

  private static final List<String> NESTED_CORES = List.of("1", "null", "{}", "[]", "\"x\"", "{\"a\":1}", "");

  /** Random arrays and objects nested around the depth limit, some left unclosed, inside the data of a frame. */
  @Test
  void randomNestingAroundTheDepthLimit() {
    Randomized.forAll(200, random -> {
      int depth = Randomized.intBetween(random, 0, 2 * ProtocolLimits.MAX_DEPTH);
      StringBuilder open = new StringBuilder();
      StringBuilder close = new StringBuilder();
      for (int i = 0; i < depth; i++) {
        boolean array = random.nextBoolean();
        open.append(array ? "[" : "{\"a\":");
        close.insert(0, array ? "]" : "}");
      }
      String closers = random.nextInt(4) == 0 ? close.substring(random.nextInt(close.length() + 1)) : close.toString();
      String type = Randomized.oneOf(random, "ping", "sync", "hello", "message.send", "sync.batch", "x");
      decodeBothWays("{\"v\":1,\"type\":\"" + type + "\",\"data\":" + open
          + Randomized.oneOf(random, NESTED_CORES) + closers + "}");
    });
  }

  @Test
  void hostileShapesGetTypedErrorsQuickly() {
    assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
      List<String> inputs = new ArrayList<>();
      inputs.add("[".repeat(100_000));
      inputs.add("{\"v\":1,\"type\":\"ping\",\"data\":" + "{\"a\":".repeat(10_000));
      inputs.add("{\"v\":1,\"type\":\"ping\",\"data\":" + "[".repeat(50_000) + "]".repeat(50_000) + "}");
      inputs.add("{\"v\":1,\"type\":\"ping\",\"data\":\"" + "\\\\".repeat(30_000) + "\"}");
      inputs.add("{\"v\":1" + ",\"v\":1".repeat(9_000) + "}");
      inputs.add("{\"v\":" + "9".repeat(60_000) + ",\"type\":\"ping\"}");
      inputs.add("{\"v\":1,\"type\":\"presence.watch\",\"data\":{\"userIds\":[" + "1,".repeat(9_999) + "1]}}");
      inputs.add("{\"v\":1,\"type\":\"sync.batch\",\"data\":{\"events\":["
          + "{\"type\":\"x\"},".repeat(9_999) + "{\"type\":\"x\"}],\"syncToken\":\"1.0.0\",\"hasMore\":true}}");
      inputs.add(" ".repeat(ProtocolLimits.MAX_SERVER_FRAME_CHARS + 1));
      for (String input : inputs) {
        decodeBothWays(input);
      }
    });
  }

  @Test
  void largestValidSyncBatchDecodesQuickly() {
    assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
      StringBuilder events = new StringBuilder();
      int count = 0;
      String event = "{\"type\":\"message.hidden\",\"data\":{\"conversationId\":9007199254740991,\"seq\":1}}";
      while (events.length() + event.length() + 100 < ProtocolLimits.MAX_SERVER_FRAME_CHARS && count < 10_000) {
        events.append(count++ == 0 ? "" : ",").append(event);
      }
      String text = "{\"v\":1,\"type\":\"sync.batch\",\"data\":{\"events\":[" + events
          + "],\"syncToken\":\"1.0.0\",\"hasMore\":true}}";
      ServerFrame.SyncBatch batch = (ServerFrame.SyncBatch) ProtocolCodec.decodeServer(text).frame();
      assertEquals(count, batch.events().size());
    });
  }
}
