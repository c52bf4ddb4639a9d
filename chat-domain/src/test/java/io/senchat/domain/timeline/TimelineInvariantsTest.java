package io.senchat.domain.timeline;

import static io.senchat.domain.Fixtures.ALICE;
import static io.senchat.domain.Fixtures.BOB;
import static io.senchat.domain.Fixtures.CONV;
import static io.senchat.domain.Fixtures.deleted;
import static io.senchat.domain.Fixtures.edited;
import static io.senchat.domain.Fixtures.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.senchat.domain.Randomized;
import io.senchat.domain.message.Message;
import io.senchat.domain.message.OutgoingMessage;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Random interleavings of sends, acks, arrivals, duplicates, updates and failures keep the timeline sound. */
class TimelineInvariantsTest {

  private static final int SEQS = 40;

  @Test
  void randomInterleavingsKeepTheTimelineSortedDedupedAndPendingLast() {
    Randomized.forAll(400, random -> {
      int capacity = 1 + random.nextInt(30);
      Timeline timeline = Timeline.empty(CONV, capacity);
      long focus = Timeline.FOLLOW_LATEST;
      for (int step = 0; step < 120; step++) {
        Timeline before = timeline;
        timeline = step(timeline, random);
        if (random.nextInt(20) == 0) {
          focus = random.nextBoolean() ? Timeline.FOLLOW_LATEST : 1 + random.nextInt(SEQS);
          timeline = timeline.focusOn(focus);
        }
        assertInvariants(timeline, capacity);
        assertNoResurrection(before, timeline);
      }
    });
  }

  @Test
  void deliveringTheSameMessagesInAnyOrderGivesTheSameTimeline() {
    Randomized.forAll(300, random -> {
      List<Message> messages = new java.util.ArrayList<>();
      for (int seq = 1; seq <= 20; seq++) {
        if (random.nextInt(4) != 0) {
          messages.add(text(seq, BOB));
        }
      }
      Timeline inOrder = Timeline.empty(CONV).receiveAll(messages);
      java.util.Collections.shuffle(messages, random);
      List<Message> withDuplicates = new java.util.ArrayList<>(messages);
      withDuplicates.addAll(messages.subList(0, messages.size() / 2));
      Timeline shuffled = Timeline.empty(CONV).receiveAll(withDuplicates);
      assertEquals(inOrder.confirmed(), shuffled.confirmed());
      assertEquals(inOrder.missingRanges(), shuffled.missingRanges());
    });
  }

  private static Timeline step(Timeline timeline, Random random) {
    int seq = 1 + random.nextInt(SEQS);
    String clientId = "c" + random.nextInt(SEQS);
    return switch (random.nextInt(8)) {
      case 0 -> timeline.addPending(PendingMessage.sending(OutgoingMessage.text(CONV, clientId, "x"), ALICE, 0));
      case 1 -> timeline.confirm(clientId, seq, 0);
      case 2 -> timeline.receive(text(seq, random.nextBoolean() ? ALICE : BOB, clientId, "m"));
      case 3 -> timeline.receive(edited(text(seq, BOB), "e", random.nextInt(5)));
      case 4 -> timeline.receive(deleted(text(seq, BOB)));
      case 5 -> timeline.markFailed(clientId);
      case 6 -> timeline.markRetrying(clientId);
      default -> timeline.receive(text(seq, BOB));
    };
  }

  private static void assertInvariants(Timeline timeline, int capacity) {
    List<Message> confirmed = timeline.confirmed();
    assertTrue(confirmed.size() <= capacity, "window exceeded");
    for (int i = 1; i < confirmed.size(); i++) {
      assertTrue(confirmed.get(i - 1).seq() < confirmed.get(i).seq(), "confirmed not strictly sorted");
    }
    Set<String> pendingIds = new HashSet<>();
    for (PendingMessage p : timeline.pending()) {
      assertTrue(pendingIds.add(p.clientId()), "duplicate pending " + p.clientId());
      for (Message m : confirmed) {
        assertFalse(m.senderId().equals(p.senderId()) && m.clientId().equals(p.clientId()),
            "pending " + p.clientId() + " next to its confirmed twin");
      }
    }
    List<TimelineEntry> entries = timeline.entries();
    assertEquals(confirmed.size() + timeline.pending().size(), entries.size());
    for (int i = 0; i < entries.size(); i++) {
      assertEquals(i < confirmed.size(), entries.get(i) instanceof TimelineEntry.Confirmed, "pending before confirmed");
    }
    long previousEnd = timeline.oldestSeq() - 1;
    for (SeqRange range : timeline.missingRanges()) {
      assertTrue(range.from() > previousEnd, "ranges overlap or are unordered");
      for (long s = range.from(); s <= range.to(); s++) {
        assertTrue(timeline.find(s).isEmpty(), "seq " + s + " reported missing but held");
      }
      previousEnd = range.to();
    }
    long held = confirmed.size();
    long missing = timeline.missingRanges().stream().mapToLong(SeqRange::size).sum();
    assertEquals(confirmed.isEmpty() ? 0 : timeline.newestSeq() - timeline.oldestSeq() + 1, held + missing);
  }

  private static void assertNoResurrection(Timeline before, Timeline after) {
    for (Message m : before.confirmed()) {
      if (m.deletedForEveryone()) {
        after.find(m.seq()).ifPresent(now -> assertTrue(now.deletedForEveryone(), "seq " + m.seq() + " resurrected"));
      }
    }
  }
}
