package io.senchat.domain.protocol;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.senchat.domain.Randomized;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** The generators behind the protocol properties reach the hazards and boundaries those properties are about. */
class RandomFramesTest {

  private static final int DRAWS = 1000;

  /** Fixed seeds rather than Randomized.forAll, so that replaying one seed with -Dsenchat.tries=1 passes here. */
  private static <T> List<T> draw(Function<Random, T> generator) {
    List<T> values = new ArrayList<>();
    for (int seed = 0; seed < DRAWS; seed++) {
      values.add(generator.apply(Randomized.random(seed)));
    }
    return values;
  }

  private static <T> void assertSome(List<T> values, String what, Predicate<T> property) {
    assertTrue(values.stream().anyMatch(property), () -> "no " + what + " in " + values.size() + " draws");
  }

  @Test
  void textsReachEveryEncodingHazard() {
    List<String> texts = draw(RandomFrames::text);
    assertSome(texts, "empty text", String::isEmpty);
    assertSome(texts, "emoji (surrogate pair)", s -> s.codePoints().anyMatch(c -> c >= 0x1F300));
    assertSome(texts, "lone high surrogate", s -> hasLoneSurrogate(s, true));
    assertSome(texts, "lone low surrogate", s -> hasLoneSurrogate(s, false));
    assertSome(texts, "control character", s -> s.chars().anyMatch(c -> c < 0x20));
    assertSome(texts, "NUL", s -> s.indexOf('\u0000') >= 0);
    assertSome(texts, "quote", s -> s.indexOf('"') >= 0);
    assertSome(texts, "backslash", s -> s.indexOf('\\') >= 0);
    assertSome(texts, "line separator", s -> s.indexOf('\u2028') >= 0);
    assertSome(texts, "<script>", s -> s.contains("<script>"));
    assertSome(texts, "</script>", s -> s.contains("</script>"));
  }

  private static boolean hasLoneSurrogate(String s, boolean high) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c)) {
        boolean paired = i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
        if (!paired && high) {
          return true;
        }
        if (paired) {
          i++;
        }
      } else if (Character.isLowSurrogate(c) && !high) {
        return true;
      }
    }
    return false;
  }

  @Test
  void numbersReachTheirBounds() {
    List<Long> ids = draw(RandomFrames::id);
    assertSome(ids, "id 1", v -> v == 1);
    assertSome(ids, "id 2^53 - 1", v -> v == RandomFrames.MAX_SAFE);
    assertSome(ids, "id 2^53 - 2", v -> v == RandomFrames.MAX_SAFE - 1);
    assertSome(ids, "id below 1000", v -> v < 1000);
    assertTrue(ids.stream().allMatch(v -> v >= 1 && v <= RandomFrames.MAX_SAFE), "ids within 1..2^53 - 1");
    List<Long> seqs = draw(RandomFrames::seqOrZero);
    assertSome(seqs, "seq 0", v -> v == 0);
    List<SyncToken> tokens = draw(RandomFrames::syncToken);
    assertSome(tokens, "token part Long.MAX_VALUE", t -> t.txId() == Long.MAX_VALUE || t.eventId() == Long.MAX_VALUE);
    assertSome(tokens, "token part 0", t -> t.txId() == 0 || t.eventId() == 0);
    List<Long> longs = draw(Randomized::anyLong);
    for (long edge : new long[] {Long.MIN_VALUE, Long.MAX_VALUE, 0, -1, 1}) {
      assertSome(longs, "long " + edge, v -> v == edge);
    }
  }

  @Test
  void idsAndListsReachTheirLengths() {
    List<String> idTokens = draw(RandomFrames::idToken);
    assertSome(idTokens, "1-character id", s -> s.length() == 1);
    assertSome(idTokens, "id of MAX_ID_CHARS", s -> s.length() == ProtocolLimits.MAX_ID_CHARS);
    assertSome(draw(RandomFrames::clientId), "longest client id", s -> s.length() == 64);
    assertSome(draw(RandomFrames::requestId), "no request id", s -> s == null);
    List<ClientFrame.Hello> hellos = draw(RandomFrames::hello);
    assertSome(hellos, "empty client version", h -> h.clientVersion().isEmpty());
    assertSome(hellos, "longest client version",
        h -> h.clientVersion().length() == ProtocolLimits.MAX_CLIENT_VERSION_CHARS);
    List<ClientFrame.WatchPresence> watches = draw(RandomFrames::watchPresence);
    assertSome(watches, "empty list", w -> w.userIds().isEmpty());
    assertSome(watches, "list of the most users", w -> w.userIds().size() == 8);
    List<ServerFrame.SyncBatch> batches = draw(RandomFrames::syncBatch);
    assertSome(batches, "empty batch", b -> b.events().isEmpty());
    assertSome(batches, "full batch", b -> b.events().size() == 4);
  }
}
