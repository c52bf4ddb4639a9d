package io.senchat.domain.text;

import static io.senchat.domain.Fixtures.ALICE;
import static io.senchat.domain.Fixtures.BOB;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.senchat.domain.Randomized;
import io.senchat.domain.message.Mention;
import io.senchat.domain.user.UserId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MentionParserTest {

  private static final UserId DOTTED = UserId.of(9);
  private static final Map<String, UserId> MEMBERS = Map.of("alice", ALICE, "bob", BOB, "b.o.b", DOTTED);

  private static List<Mention> parse(String text) {
    return MentionParser.parse(text, MEMBERS, true);
  }

  @Test
  void findsAMentionWithUtf16Range() {
    assertEquals(List.of(new Mention(BOB, 3, 4)), parse("hi @bob!"));
  }

  @Test
  void mentionAtTheStartAndSeveralMentions() {
    assertEquals(List.of(new Mention(ALICE, 0, 6), new Mention(BOB, 11, 4)), parse("@alice and @bob"));
  }

  @Test
  void namesAreCaseInsensitive() {
    assertEquals(List.of(new Mention(BOB, 0, 4)), parse("@BoB"));
  }

  @Test
  void trailingDotIsSentencePunctuation() {
    assertEquals(List.of(new Mention(BOB, 7, 4)), parse("thanks @bob."));
    assertEquals(List.of(new Mention(BOB, 0, 4)), parse("@bob..."));
  }

  @Test
  void innerDotsBelongToTheName() {
    assertEquals(List.of(new Mention(DOTTED, 0, 6)), parse("@b.o.b, hi"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"(@bob)", "\"@bob\"", "-@bob", "/@bob", "😀@bob", "\n@bob", "「@bob」", "@bob's", "@bob—yes"})
  void punctuationAndEmojiAreBoundaries(String text) {
    List<Mention> mentions = parse(text);
    assertEquals(1, mentions.size(), text);
    assertEquals(BOB, mentions.get(0).userId());
    assertEquals('@', text.charAt(mentions.get(0).start()));
  }

  @ParameterizedTest
  @ValueSource(strings = {"mail@bob.com", "x@bob", "@@bob", "_@bob", "é@bob", "@bobé", "@bob_", "@bobby", "@bob@host",
      "@bo", "@", "@ bob", "@unknown"})
  void nonMentions(String text) {
    assertEquals(List.of(), parse(text), text);
  }

  @Test
  void atAllOnlyInGroups() {
    assertEquals(List.of(Mention.all(4, 4)), MentionParser.parse("hey @ALL", MEMBERS, true));
    assertEquals(List.of(), MentionParser.parse("hey @all", MEMBERS, false));
  }

  @Test
  void atSignsInsideLinksAreNotMentions() {
    assertEquals(List.of(), parse("see https://medium.com/@bob/post"));
    assertEquals(List.of(new Mention(BOB, 21, 4)), parse("see https://x.org/a, @bob"));
  }

  @Test
  void indicesStayUtf16AfterEmoji() {
    String text = "😀😀 @alice";
    List<Mention> mentions = parse(text);
    assertEquals(List.of(new Mention(ALICE, 5, 6)), mentions);
    assertEquals("@alice", text.substring(5, 11));
  }

  @Test
  void usernameLongerThan32IsNotTruncatedIntoAMention() {
    Map<String, UserId> members = Map.of("a".repeat(32), ALICE);
    assertEquals(List.of(), MentionParser.parse("@" + "a".repeat(33), members, true));
    assertEquals(1, MentionParser.parse("@" + "a".repeat(32), members, true).size());
  }

  @Test
  void everyMentionFoundCoversItsTextAndIsInOrder() {
    Randomized.forAll(500, random -> {
      String text = Randomized.anyText(random, 60, "@bobalice.x _,");
      List<Mention> mentions = parse(text);
      int previousEnd = 0;
      for (Mention m : mentions) {
        assertTrue(m.start() >= previousEnd, text);
        assertEquals('@', text.charAt(m.start()));
        String name = text.substring(m.start() + 1, m.start() + m.length()).toLowerCase(java.util.Locale.ROOT);
        assertTrue(m.isAll() ? name.equals("all") : MEMBERS.get(name).equals(m.userId()), text);
        previousEnd = m.start() + m.length();
      }
    });
  }
}
