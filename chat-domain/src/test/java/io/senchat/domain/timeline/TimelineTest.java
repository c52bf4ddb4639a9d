package io.senchat.domain.timeline;

import static io.senchat.domain.Fixtures.ALICE;
import static io.senchat.domain.Fixtures.BOB;
import static io.senchat.domain.Fixtures.CONV;
import static io.senchat.domain.Fixtures.deleted;
import static io.senchat.domain.Fixtures.edited;
import static io.senchat.domain.Fixtures.text;
import static io.senchat.domain.Fixtures.withReactions;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.senchat.domain.conversation.ConversationId;
import io.senchat.domain.message.Message;
import io.senchat.domain.message.MessageStatus;
import io.senchat.domain.message.OutgoingMessage;
import io.senchat.domain.message.Reaction;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimelineTest {

  private static List<Long> seqs(Timeline timeline) {
    return timeline.confirmed().stream().map(Message::seq).toList();
  }

  private static PendingMessage pending(String clientId) {
    return PendingMessage.sending(OutgoingMessage.text(CONV, clientId, "draft " + clientId), ALICE, 5);
  }

  private static Timeline withSeqs(Timeline timeline, long... seqs) {
    for (long seq : seqs) {
      timeline = timeline.receive(text(seq, BOB));
    }
    return timeline;
  }

  @Test
  void confirmedMessagesAreKeptSortedBySeqWhateverTheArrivalOrder() {
    Timeline timeline = withSeqs(Timeline.empty(CONV), 5, 2, 9, 1);
    assertEquals(List.of(1L, 2L, 5L, 9L), seqs(timeline));
    assertEquals(1, timeline.oldestSeq());
    assertEquals(9, timeline.newestSeq());
  }

  @Test
  void pendingMessagesFollowConfirmedOnesInSendOrder() {
    Timeline timeline = Timeline.empty(CONV).addPending(pending("b")).addPending(pending("a"));
    timeline = withSeqs(timeline, 3, 1);
    List<TimelineEntry> entries = timeline.entries();
    assertEquals(4, entries.size());
    assertEquals(1, ((TimelineEntry.Confirmed) entries.get(0)).message().seq());
    assertEquals(3, ((TimelineEntry.Confirmed) entries.get(1)).message().seq());
    assertEquals("b", ((PendingMessage) entries.get(2)).clientId());
    assertEquals("a", ((PendingMessage) entries.get(3)).clientId());
  }

  @Test
  void aConfirmedMessageReplacesItsPendingTwin() {
    Timeline timeline = Timeline.empty(CONV).addPending(pending("x1")).addPending(pending("x2"));
    timeline = timeline.receive(text(4, ALICE, "x1", "draft x1"));
    assertEquals(List.of(4L), seqs(timeline));
    assertEquals(List.of("x2"), timeline.pending().stream().map(PendingMessage::clientId).toList());
  }

  @Test
  void theSameClientIdFromAnotherSenderIsNotATwin() {
    Timeline timeline = Timeline.empty(CONV).addPending(pending("x1")).receive(text(4, BOB, "x1", "hi"));
    assertEquals(1, timeline.pending().size());
  }

  @Test
  void serverMessagesWithoutClientIdNeverMatchAPendingOne() {
    Timeline timeline = Timeline.empty(CONV).addPending(pending("")).receive(text(4, ALICE, "", "system"));
    assertEquals(1, timeline.pending().size());
  }

  @Test
  void confirmBuildsTheMessageFromThePendingOneWhenTheAckCarriesOnlyTheSeq() {
    Timeline timeline = Timeline.empty(CONV).addPending(pending("x1")).confirm("x1", 12, 777);
    assertEquals(List.of(), timeline.pending());
    Message message = timeline.find(12).orElseThrow();
    assertEquals("draft x1", message.text());
    assertEquals(ALICE, message.senderId());
    assertEquals(777, message.sentAtMillis());
    Timeline unchanged = timeline.confirm("unknown", 13, 1);
    assertSame(timeline, unchanged);
  }

  @Test
  void addingAPendingMessageTwiceReplacesItInPlace() {
    Timeline timeline = Timeline.empty(CONV).addPending(pending("a")).addPending(pending("b"));
    PendingMessage edited = PendingMessage.sending(OutgoingMessage.text(CONV, "a", "changed"), ALICE, 9);
    timeline = timeline.addPending(edited);
    assertEquals(List.of("a", "b"), timeline.pending().stream().map(PendingMessage::clientId).toList());
    assertEquals("changed", timeline.pending().get(0).message().text());
  }

  @Test
  void aPendingMessageWhoseConfirmedTwinIsHereIsIgnored() {
    Timeline timeline = Timeline.empty(CONV).receive(text(4, ALICE, "x1", "hi"));
    assertSame(timeline, timeline.addPending(pending("x1")));
  }

  @Test
  void pendingStatusFollowsTheStatusMachine() {
    Timeline timeline = Timeline.empty(CONV).addPending(pending("a"));
    timeline = timeline.markFailed("a");
    assertEquals(MessageStatus.FAILED, timeline.findPending("a").orElseThrow().status());
    assertSame(timeline, timeline.markFailed("a"));
    timeline = timeline.markRetrying("a");
    assertEquals(MessageStatus.SENDING, timeline.findPending("a").orElseThrow().status());
    assertSame(timeline, timeline.markRetrying("a"));
    assertSame(timeline, timeline.markFailed("missing"));
  }

  @Test
  void pendingMessagesAreOnlySendingOrFailed() {
    assertThrows(IllegalArgumentException.class,
        () -> new PendingMessage(OutgoingMessage.text(CONV, "a", "x"), ALICE, MessageStatus.SENT, 0));
  }

  @Test
  void removePendingDiscardsAFailedMessage() {
    Timeline timeline = Timeline.empty(CONV).addPending(pending("a")).markFailed("a").removePending("a");
    assertEquals(List.of(), timeline.pending());
    assertSame(timeline, timeline.removePending("a"));
  }

  @Test
  void anIdenticalRedeliveryChangesNothing() {
    Timeline timeline = Timeline.empty(CONV).receive(text(1, BOB));
    assertSame(timeline, timeline.receive(text(1, BOB)));
  }

  @Test
  void aLaterEditReplacesAndAnOlderOneIsIgnored() {
    Message original = text(1, BOB);
    Message edit1 = edited(original, "v1", 100);
    Message edit2 = edited(original, "v2", 200);
    Timeline timeline = Timeline.empty(CONV).receive(original).receive(edit2);
    assertEquals("v2", timeline.find(1).orElseThrow().text());
    assertSame(timeline, timeline.receive(edit1));
    assertSame(timeline, timeline.receive(original));
  }

  @Test
  void deletionIsFinalAnUndeletedCopyNeverResurrectsAMessage() {
    Message original = text(1, BOB);
    Timeline timeline = Timeline.empty(CONV).receive(original).receive(deleted(original));
    assertTrue(timeline.find(1).orElseThrow().deletedForEveryone());
    assertSame(timeline, timeline.receive(original));
    assertSame(timeline, timeline.receive(edited(original, "late edit", 999)));
  }

  @Test
  void aReactionChangeReplacesTheMessage() {
    Message original = text(1, BOB);
    Message reacted = withReactions(original, List.of(new Reaction("👍", List.of(ALICE))));
    Timeline timeline = Timeline.empty(CONV).receive(original).receive(reacted);
    assertEquals(1, timeline.find(1).orElseThrow().reactions().size());
  }

  @Test
  void missingRangesReportGapsBetweenHeldMessages() {
    Timeline timeline = withSeqs(Timeline.empty(CONV), 3, 4, 7, 10, 11);
    assertEquals(List.of(new SeqRange(5, 6), new SeqRange(8, 9)), timeline.missingRanges());
    assertEquals(List.of(new SeqRange(5, 6), new SeqRange(8, 9), new SeqRange(12, 20)), timeline.missingRanges(20));
    assertEquals(List.of(new SeqRange(5, 6), new SeqRange(8, 9)), timeline.missingRanges(11));
    assertEquals(List.of(), Timeline.empty(CONV).missingRanges());
    assertEquals(List.of(new SeqRange(1, 5)), Timeline.empty(CONV).missingRanges(5));
  }

  @Test
  void followingTheLatestEvictsTheOldest() {
    Timeline timeline = withSeqs(Timeline.empty(CONV, 3), 1, 2, 3, 4, 5);
    assertEquals(List.of(3L, 4L, 5L), seqs(timeline));
  }

  @Test
  void readingOldHistoryEvictsTheNewestInstead() {
    Timeline timeline = withSeqs(Timeline.empty(CONV, 3).focusOn(2), 1, 2, 3, 4);
    assertEquals(List.of(1L, 2L, 3L), seqs(timeline));
    timeline = timeline.followLatest().receive(text(4, BOB));
    assertEquals(List.of(2L, 3L, 4L), seqs(timeline));
  }

  @Test
  void aMessageFarFromTheFocusIsDroppedAtOnceButStillReplacesItsPendingTwin() {
    Timeline timeline = withSeqs(Timeline.empty(CONV, 2).focusOn(1), 1, 2).addPending(pending("x"));
    timeline = timeline.receive(text(50, ALICE, "x", "hi"));
    assertEquals(List.of(1L, 2L), seqs(timeline));
    assertEquals(List.of(), timeline.pending());
  }

  @Test
  void messagesOfAnotherConversationAreRejected() {
    Message other = new Message(ConversationId.of(99), 1, BOB, "c", text(1, BOB).kind(), "x", null, "", 0, null,
        List.of(), List.of(), 0, 0, false);
    assertThrows(IllegalArgumentException.class, () -> Timeline.empty(CONV).receive(other));
    assertThrows(IllegalArgumentException.class, () -> Timeline.empty(CONV).addPending(
        PendingMessage.sending(OutgoingMessage.text(ConversationId.of(99), "a", "x"), ALICE, 0)));
  }

  @Test
  void badConstructionIsRejected() {
    assertThrows(IllegalArgumentException.class, () -> Timeline.empty(CONV, 0));
    assertThrows(IllegalArgumentException.class, () -> Timeline.empty(CONV).focusOn(0));
    assertThrows(IllegalArgumentException.class, () -> new SeqRange(5, 4));
  }

  @Test
  void entriesExposeConfirmedAsWrappers() {
    Timeline timeline = Timeline.empty(CONV).receive(text(1, BOB));
    assertInstanceOf(TimelineEntry.Confirmed.class, timeline.entries().get(0));
  }
}
