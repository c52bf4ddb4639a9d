package io.senchat.domain.text;

import static io.senchat.domain.Fixtures.ALICE;
import static io.senchat.domain.Fixtures.BOB;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.senchat.domain.Randomized;
import io.senchat.domain.common.Texts;
import io.senchat.domain.message.Mention;
import io.senchat.domain.text.RichToken.Bold;
import io.senchat.domain.text.RichToken.Code;
import io.senchat.domain.text.RichToken.Italic;
import io.senchat.domain.text.RichToken.Link;
import io.senchat.domain.text.RichToken.MentionToken;
import io.senchat.domain.text.RichToken.Text;
import io.senchat.domain.user.UserId;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RichTextTest {

  private static final RichToken BR = RichToken.LINE_BREAK;

  private static Text t(String s) {
    return new Text(s);
  }

  private static Link link(String url) {
    return new Link(url, url);
  }

  @Test
  void plainTextIsOneTextToken() {
    assertEquals(List.of(t("hello, world")), RichText.parse("hello, world"));
    assertEquals(List.of(), RichText.parse(""));
  }

  @ParameterizedTest
  @ValueSource(strings = {"<img src=x onerror=alert(1)>", "<script>alert('x')</script>", "&lt;b&gt;", "a < b > c"})
  void markupStaysPlainText(String text) {
    assertEquals(List.of(t(text)), RichText.parse(text));
  }

  @ParameterizedTest
  @ValueSource(strings = {"javascript:alert(1)", "JaVaScRiPt:alert(1)", "data:text/html;base64,PHNjcmlwdD4=",
      "vbscript:msgbox", "file:///etc/passwd", "https://", "http:// x", "xhttps://evil.example", "ftp://x.org"})
  void onlyHttpAndHttpsEverBecomeLinks(String text) {
    List<RichToken> tokens = RichText.parse(text);
    assertEquals(List.of(t(text)), tokens);
  }

  @Test
  void javascriptInsideAnHttpLinkIsJustPartOfThatHttpUrl() {
    assertEquals(List.of(link("https://x.org/?next=javascript:alert(1)")),
        RichText.parse("https://x.org/?next=javascript:alert(1)"));
  }

  @Test
  void boldItalicAndCode() {
    assertEquals(List.of(new Bold(List.of(t("bold")))), RichText.parse("*bold*"));
    assertEquals(List.of(new Italic(List.of(t("it")))), RichText.parse("_it_"));
    assertEquals(List.of(t("run "), new Code("ls *.txt"), t(" now")), RichText.parse("run `ls *.txt` now"));
  }

  @Test
  void boldAndItalicNest() {
    assertEquals(List.of(new Bold(List.of(t("a "), new Italic(List.of(t("b"))), t(" c")))),
        RichText.parse("*a _b_ c*"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"*bold", "bold*", "_it", "`code", "* not bold*", "*not bold *", "**", "snake_case_name",
      "2*3*4", "a*b*c", "``", "file_name.txt and other_file"})
  void unterminatedOrUnflankedMarkersStayLiteral(String text) {
    assertEquals(List.of(t(text)), RichText.parse(text));
  }

  @Test
  void emphasisDoesNotCrossLines() {
    assertEquals(List.of(t("*a"), BR, t("b*")), RichText.parse("*a\nb*"));
    assertEquals(List.of(t("`a"), BR, t("b`")), RichText.parse("`a\nb`"));
  }

  @Test
  void lineBreaksOfEveryStyleBecomeOneTokenEach() {
    assertEquals(List.of(t("a"), BR, t("b"), BR, t("c"), BR, t("d"), BR, BR),
        RichText.parse("a\r\nb\rc\nd\n\n"));
  }

  @Test
  void codeSpansWinOverEmphasis() {
    assertEquals(List.of(new Bold(List.of(t("see "), new Code("a*b"), t(" end")))),
        RichText.parse("*see `a*b` end*"));
  }

  @Test
  void linksDropTrailingSentencePunctuationAndKeepBalancedParentheses() {
    assertEquals(List.of(t("see "), link("https://example.com/x?y=1"), t(".")),
        RichText.parse("see https://example.com/x?y=1."));
    assertEquals(List.of(t("("), link("https://en.wikipedia.org/wiki/Foo_(bar)"), t(")")),
        RichText.parse("(https://en.wikipedia.org/wiki/Foo_(bar))"));
    assertEquals(List.of(link("HTTP://EXAMPLE.COM")), RichText.parse("HTTP://EXAMPLE.COM"));
  }

  @Test
  void linksMayHoldLettersOfAnyScriptButStopAtEmoji() {
    assertEquals(List.of(link("https://vi.wikipedia.org/wiki/Hà_Nội"), t("😀")),
        RichText.parse("https://vi.wikipedia.org/wiki/Hà_Nội😀"));
  }

  @Test
  void markersInsideALinkAreNotEmphasis() {
    assertEquals(List.of(link("https://x.org/a_b_c"), t(" "), new Italic(List.of(t("it")))),
        RichText.parse("https://x.org/a_b_c _it_"));
    assertEquals(List.of(new Bold(List.of(link("https://x.org")))), RichText.parse("*https://x.org*"));
  }

  @Test
  void mentionsComeFromTheMessageRanges() {
    List<Mention> mentions = List.of(new Mention(BOB, 3, 4), Mention.all(12, 4));
    assertEquals(List.of(t("hi "), new MentionToken(BOB, "@bob"), t(" and "), new MentionToken(null, "@all")),
        RichText.parse("hi @bob and @all", mentions));
    assertEquals(List.of(t("hi @bob")), RichText.parse("hi @bob"));
  }

  @Test
  void mentionsParsedByMentionParserRenderAsMentions() {
    String text = "*@alice* look";
    List<Mention> mentions = MentionParser.parse(text, Map.of("alice", ALICE), false);
    assertEquals(List.of(new Bold(List.of(new MentionToken(ALICE, "@alice"))), t(" look")),
        RichText.parse(text, mentions));
  }

  @Test
  void invalidOrOverlappingMentionRangesAreIgnored() {
    String text = "hi @bob";
    assertEquals(List.of(t(text)), RichText.parse(text, List.of(new Mention(BOB, 2, 4))));
    assertEquals(List.of(t(text)), RichText.parse(text, List.of(new Mention(BOB, 3, 9))));
    assertEquals(List.of(t("hi "), new MentionToken(BOB, "@bob")),
        RichText.parse(text, List.of(new Mention(BOB, 3, 4), new Mention(UserId.of(5), 3, 3))));
    assertEquals(List.of(t("a "), new MentionToken(BOB, "@bob")),
        RichText.parse("a @bob", List.of(new Mention(BOB, 2, 4), new Mention(ALICE, 4, 2))));
  }

  @Test
  void mentionsWinOverCodeSpansAndLinks() {
    assertEquals(List.of(t("`"), new MentionToken(BOB, "@bob"), t("`")),
        RichText.parse("`@bob`", List.of(new Mention(BOB, 1, 4))));
    assertEquals(List.of(link("https://x.org/"), new MentionToken(BOB, "@bob")),
        RichText.parse("https://x.org/@bob", List.of(new Mention(BOB, 14, 4))));
  }

  @Test
  void emojiSurrogatePairsAreNeverSplit() {
    assertEquals(List.of(t("😀"), new Bold(List.of(t("👍🏽"))), t("😀")), RichText.parse("😀*👍🏽*😀"));
  }

  @Test
  void plainTextDropsMarkersOnly() {
    assertEquals("bold and code and https://x.org\n@bob",
        RichText.plainText(RichText.parse("*bold* and `code` and https://x.org\n@bob", List.of(new Mention(BOB, 32, 4)))));
  }

  @Test
  void parsingLosesNothingTokensSpellTheSourceBackExactly() {
    Randomized.forAll(3000, random -> {
      String text = Randomized.anyText(random, 50, "ab *_`@\n.:/()https é");
      List<Mention> mentions = MentionParser.parse(text, Map.of("abb", BOB, "bab", ALICE), true);
      List<RichToken> tokens = RichText.parse(text, mentions);
      assertEquals(text, source(tokens), text);
      assertWellFormedTokens(tokens, 0);
    });
  }

  @Test
  void randomMentionRangesNeverBreakParsing() {
    Randomized.forAll(2000, random -> {
      String text = Randomized.anyText(random, 30, "@ab*_`");
      List<Mention> mentions = List.of(new Mention(BOB, random.nextInt(35), 2 + random.nextInt(6)),
          new Mention(ALICE, random.nextInt(35), 2 + random.nextInt(6)));
      assertEquals(text, source(RichText.parse(text, mentions)), text);
    });
  }

  @Test
  void pathologicalInputsParseInLinearTime() {
    String[] units = {"*a", "a*", "_*", "`", "*a `b", "https://x.org/*", "@", "* _ ", "*_`"};
    assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
      for (String unit : units) {
        String text = unit.repeat(200_000 / unit.length());
        assertEquals(text, source(RichText.parse(text)));
      }
    });
  }

  /** Rebuilds the source: the inverse of parsing, for texts without '\r'. */
  private static String source(List<RichToken> tokens) {
    StringBuilder out = new StringBuilder();
    for (RichToken token : tokens) {
      if (token instanceof Text x) {
        out.append(x.text());
      } else if (token instanceof Bold b) {
        out.append('*').append(source(b.children())).append('*');
      } else if (token instanceof Italic i) {
        out.append('_').append(source(i.children())).append('_');
      } else if (token instanceof Code c) {
        out.append('`').append(c.literal()).append('`');
      } else if (token instanceof Link l) {
        out.append(l.label());
      } else if (token instanceof MentionToken m) {
        out.append(m.label());
      } else {
        out.append('\n');
      }
    }
    return out.toString();
  }

  /** Links are http(s), adjacent texts are merged, depth is at most 2. */
  private static void assertWellFormedTokens(List<RichToken> tokens, int depth) {
    assertTrue(depth <= 2, "nesting deeper than the two markers allow");
    RichToken previous = null;
    for (RichToken token : tokens) {
      assertFalse(previous instanceof Text && token instanceof Text, "adjacent text tokens are merged");
      if (token instanceof Link l) {
        assertTrue(Texts.regionEqualsIgnoreAsciiCase(l.url(), 0, "http://")
            || Texts.regionEqualsIgnoreAsciiCase(l.url(), 0, "https://"), l.url());
      } else if (token instanceof Bold b) {
        assertWellFormedTokens(b.children(), depth + 1);
      } else if (token instanceof Italic i) {
        assertWellFormedTokens(i.children(), depth + 1);
      }
      previous = token;
    }
  }

  @Test
  void noTokenEverHoldsHalfAnEmoji() {
    String[] units = {"a", "*", "_", "`", "@", "\n", " ", ".", "😀", "👍🏽", "https://x.org/", "中"};
    Randomized.forAll(3000, random -> {
      StringBuilder text = new StringBuilder();
      for (int i = random.nextInt(25); i > 0; i--) {
        text.append(units[random.nextInt(units.length)]);
      }
      assertNoLoneSurrogate(RichText.parse(text.toString()), text.toString());
    });
  }

  private static void assertNoLoneSurrogate(List<RichToken> tokens, String source) {
    for (RichToken token : tokens) {
      String s = token instanceof Text x ? x.text() : token instanceof Code c ? c.literal()
          : token instanceof Link l ? l.url() : "";
      assertTrue(Texts.isWellFormed(s), "token " + token + " of " + source);
      if (token instanceof Bold b) {
        assertNoLoneSurrogate(b.children(), source);
      } else if (token instanceof Italic i) {
        assertNoLoneSurrogate(i.children(), source);
      }
    }
  }
}
