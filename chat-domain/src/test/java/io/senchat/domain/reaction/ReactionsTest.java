package io.senchat.domain.reaction;

import static io.senchat.domain.Fixtures.ALICE;
import static io.senchat.domain.Fixtures.BOB;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.senchat.domain.common.ChatException;
import io.senchat.domain.common.ErrorCode;
import io.senchat.domain.message.Reaction;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReactionsTest {

  @Test
  void firstReactionCreatesTheEmojiEntry() {
    assertEquals(List.of(new Reaction("👍", List.of(ALICE))), Reactions.add(List.of(), ALICE, "👍"));
  }

  @Test
  void reactingTwiceWithTheSameEmojiChangesNothing() {
    List<Reaction> once = Reactions.add(List.of(), ALICE, "👍");
    assertEquals(once, Reactions.add(once, ALICE, "👍"));
  }

  @Test
  void usersAccumulateInReactionOrderAndOneUserMayUseSeveralEmojis() {
    List<Reaction> r = Reactions.add(List.of(), ALICE, "👍");
    r = Reactions.add(r, BOB, "👍");
    r = Reactions.add(r, ALICE, "❤️");
    assertEquals(List.of(new Reaction("👍", List.of(ALICE, BOB)), new Reaction("❤️", List.of(ALICE))), r);
  }

  @Test
  void removingTheLastUserRemovesTheEmoji() {
    List<Reaction> r = Reactions.add(Reactions.add(List.of(), ALICE, "👍"), BOB, "👍");
    r = Reactions.remove(r, ALICE, "👍");
    assertEquals(List.of(new Reaction("👍", List.of(BOB))), r);
    assertEquals(List.of(), Reactions.remove(r, BOB, "👍"));
    assertEquals(r, Reactions.remove(r, ALICE, "😮"));
  }

  @Test
  void removeAllByDropsEveryReactionOfAUser() {
    List<Reaction> r = Reactions.add(Reactions.add(Reactions.add(List.of(), ALICE, "👍"), BOB, "👍"), ALICE, "❤️");
    assertEquals(List.of(new Reaction("👍", List.of(BOB))), Reactions.removeAllBy(r, ALICE));
  }

  @Test
  void fiftyDistinctEmojisAreAllowedAndThe51stRejectedButExistingOnesStillAcceptUsers() {
    List<Reaction> r = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      r = new ArrayList<>(Reactions.add(r, ALICE, new String(Character.toChars(0x1F600 + i))));
    }
    assertEquals(50, r.size());
    List<Reaction> full = r;
    ChatException e = assertThrows(ChatException.class, () -> Reactions.add(full, ALICE, "🚀"));
    assertEquals(ErrorCode.VALIDATION, e.code());
    assertTrue(e.getMessage().contains("50"), e.getMessage());
    assertEquals(List.of(ALICE, BOB), Reactions.add(full, BOB, "😀").get(0).users());
  }

  @Test
  void invalidEmojiIsRejected() {
    assertThrows(ChatException.class, () -> Reactions.add(List.of(), ALICE, "lol"));
  }
}
