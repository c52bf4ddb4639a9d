package io.senchat.domain.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.senchat.domain.Randomized;
import io.senchat.domain.protocol.ClientFrame.Hello;
import io.senchat.domain.protocol.ClientFrame.MarkReceipts;
import io.senchat.domain.protocol.ClientFrame.WatchPresence;
import io.senchat.domain.protocol.RandomFrames.ClientKind;
import io.senchat.domain.protocol.RandomFrames.ServerKind;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** encode then decode gives back the same frame and request id, for every frame type in both directions. */
class ProtocolRoundTripTest {

  private static final int TRIES = 100;

  static void assertClientRoundTrip(String requestId, ClientFrame frame) {
    String text = ProtocolCodec.encodeClient(requestId, frame);
    Inbound decoded = ProtocolCodec.decodeClient(text);
    assertEquals(new Inbound(requestId, frame), decoded);
    assertEquals(text, ProtocolCodec.encodeClient(decoded), "encoding is canonical");
    assertSafeToEmbed(text);
  }

  static void assertServerRoundTrip(String requestId, ServerFrame frame) {
    String text = ProtocolCodec.encodeServer(requestId, frame);
    Outbound decoded = ProtocolCodec.decodeServer(text);
    assertEquals(new Outbound(requestId, frame), decoded);
    assertEquals(text, ProtocolCodec.encodeServer(decoded), "encoding is canonical");
    assertSafeToEmbed(text);
  }

  /** No character that could end a script element, break a JS string literal or fail to encode as UTF-8. */
  private static void assertSafeToEmbed(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      assertTrue(c >= 0x20 && c != '<' && c != '>' && c != '&' && c != '\'' && c != '\u2028' && c != '\u2029',
          () -> "unescaped U+" + Integer.toHexString(c) + " in " + text);
      if (Character.isHighSurrogate(c)) {
        assertTrue(i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1)), "paired surrogate");
        i++;
      } else {
        assertTrue(!Character.isLowSurrogate(c), "no lone low surrogate");
      }
    }
  }

  // ---- client → server

  @ParameterizedTest
  @EnumSource(ClientKind.class)
  void clientFrame(ClientKind kind) {
    Randomized.forAll(TRIES, random -> {
      ClientFrame frame = kind.generate(random);
      assertSame(kind.type, frame.getClass());
      assertClientRoundTrip(RandomFrames.requestId(random), frame);
    });
  }

  // ---- server → client

  @ParameterizedTest
  @EnumSource(ServerKind.class)
  void serverFrame(ServerKind kind) {
    Randomized.forAll(TRIES, random -> {
      ServerFrame frame = kind.generate(random);
      assertSame(kind.type, frame.getClass());
      assertServerRoundTrip(RandomFrames.requestId(random), frame);
    });
  }

  /** The parameterized tests above cover every frame type: a new frame type needs a generator in RandomFrames. */
  @Test
  void everyFrameTypeHasAGenerator() {
    assertEquals(frameTypes(ClientFrame.class),
        Arrays.stream(ClientKind.values()).map(kind -> kind.type).collect(Collectors.toSet()));
    assertEquals(frameTypes(ServerFrame.class),
        Arrays.stream(ServerKind.values()).map(kind -> kind.type).collect(Collectors.toSet()));
  }

  /** The records implementing a sealed interface, through sealed sub-interfaces such as FeedEvent. */
  private static Set<Class<?>> frameTypes(Class<?> sealed) {
    Set<Class<?>> types = new HashSet<>();
    for (Class<?> permitted : sealed.getPermittedSubclasses()) {
      if (permitted.isSealed()) {
        types.addAll(frameTypes(permitted));
      } else {
        types.add(permitted);
      }
    }
    return types;
  }

  /** Lists and strings at their wire limits, which the random frames stay well below. */
  @Test
  void framesAtTheLimitsRoundTrip() {
    Randomized.forAll(3, random -> {
      String id = Randomized.stringOf(random, ProtocolLimits.MAX_ID_CHARS, ProtocolLimits.MAX_ID_CHARS,
          RandomFrames.ID_CHARS);
      String token = Randomized.charsBetween(random, ProtocolLimits.MAX_TOKEN_CHARS, ProtocolLimits.MAX_TOKEN_CHARS,
          '!', '~');
      String version = Randomized.charsBetween(random, ProtocolLimits.MAX_CLIENT_VERSION_CHARS,
          ProtocolLimits.MAX_CLIENT_VERSION_CHARS, ' ', '~');
      assertClientRoundTrip(id, new Hello(token, SyncToken.of(Long.MAX_VALUE, Long.MAX_VALUE), id, version));
      assertClientRoundTrip(id, new MarkReceipts(Randomized.listOf(random, ProtocolLimits.MAX_RECEIPT_MARKS,
          ProtocolLimits.MAX_RECEIPT_MARKS, RandomFrames::receiptMark)));
      assertClientRoundTrip(id, new WatchPresence(Randomized.listOf(random, ProtocolLimits.MAX_WATCHED_USERS,
          ProtocolLimits.MAX_WATCHED_USERS, RandomFrames::userId)));
    });
  }
}
