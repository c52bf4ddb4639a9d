package io.senchat.domain.unread;

import static io.senchat.domain.Fixtures.ALICE;
import static io.senchat.domain.Fixtures.BOB;
import static io.senchat.domain.Fixtures.CAROL;
import static io.senchat.domain.Fixtures.CONV;
import static io.senchat.domain.Fixtures.deleted;
import static io.senchat.domain.Fixtures.text;
import static io.senchat.domain.Fixtures.withMentions;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.senchat.domain.Randomized;
import io.senchat.domain.conversation.MemberState;
import io.senchat.domain.message.Mention;
import io.senchat.domain.message.Message;
import io.senchat.domain.timeline.Timeline;
import io.senchat.domain.user.UserId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class UnreadCounterTest {

  @Test
  void formulaSubtractsOwnAndDeletedMessagesFromTheRange() {
    assertEquals(10, UnreadCounter.unread(20, 10, 0, 0));
    assertEquals(7, UnreadCounter.unread(20, 10, 2, 1));
    assertEquals(0, UnreadCounter.unread(20, 20, 0, 0));
  }

  @Test
  void formulaNeverGoesNegative() {
    assertEquals(0, UnreadCounter.unread(10, 15, 0, 0));
    assertEquals(0, UnreadCounter.unread(10, 5, 9, 9));
    assertThrows(IllegalArgumentException.class, () -> UnreadCounter.unread(10, 5, -1, 0));
  }

  @Test
  void clearedHistoryIsNeverUnread() {
    MemberState state = new MemberState(CONV, ALICE, false, 0, false, false, 5, 5, 15);
    assertEquals(5, UnreadCounter.unread(state, 20, 0, 0));
  }

  @Test
  void clientCountsOthersUndeletedMessagesAfterTheReadMarkAndMentions() {
    Timeline timeline = Timeline.empty(CONV).receiveAll(List.of(
        text(1, BOB),
        text(2, BOB),
        text(3, ALICE),
        deleted(text(4, BOB)),
        withMentions(text(5, CAROL, "c5", "@alice hi"), List.of(new Mention(ALICE, 0, 6))),
        withMentions(text(6, BOB, "c6", "@all go"), List.of(Mention.all(0, 4))),
        withMentions(text(7, ALICE, "c7", "@all me"), List.of(Mention.all(0, 4)))));
    UnreadCount count = UnreadCounter.count(timeline, ALICE, 1, 7);
    assertEquals(new UnreadCount(3, 2, true), count);
  }

  @Test
  void clientCountIsALowerBoundWhenTheTimelineHasGaps() {
    Timeline timeline = Timeline.empty(CONV).receiveAll(List.of(text(1, BOB), text(3, BOB)));
    assertEquals(new UnreadCount(2, 0, false), UnreadCounter.count(timeline, ALICE, 0, 3));
    assertEquals(new UnreadCount(1, 0, false), UnreadCounter.count(timeline, ALICE, 2, 5));
    assertEquals(new UnreadCount(0, 0, true), UnreadCounter.count(timeline, ALICE, 3, 3));
  }

  @Test
  void clientAndServerAgreeWhenTheClientHoldsTheWholeRange() {
    UserId me = ALICE;
    Randomized.forAll(500, random -> {
      List<Message> messages = new ArrayList<>();
      int lastSeq = 1 + random.nextInt(40);
      for (int seq = 1; seq <= lastSeq; seq++) {
        Message m = text(seq, random.nextInt(3) == 0 ? me : BOB);
        messages.add(random.nextInt(5) == 0 ? deleted(m) : m);
      }
      long lastRead = random.nextInt(lastSeq + 1);
      long own = messages.stream().filter(m -> m.seq() > lastRead && m.senderId().equals(me)).count();
      long deletedOthers = messages.stream()
          .filter(m -> m.seq() > lastRead && !m.senderId().equals(me) && m.deletedForEveryone()).count();
      UnreadCount client = UnreadCounter.count(Timeline.empty(CONV).receiveAll(messages), me, lastRead, lastSeq);
      assertEquals(UnreadCounter.unread(lastSeq, lastRead, own, deletedOthers), client.messages());
      assertEquals(true, client.exact());
    });
  }

  @Test
  void mentionsCannotExceedMessages() {
    assertThrows(IllegalArgumentException.class, () -> new UnreadCount(1, 2, true));
  }
}
