package io.senchat.web.messages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.senchat.domain.conversation.ConversationId;
import io.senchat.domain.message.Message;
import io.senchat.domain.message.MessageKind;
import io.senchat.domain.message.MessageStatus;
import io.senchat.domain.message.OutgoingMessage;
import io.senchat.domain.message.Reaction;
import io.senchat.domain.timeline.PendingMessage;
import io.senchat.domain.timeline.TimelineEntry;
import io.senchat.domain.unread.ReceiptMarks;
import io.senchat.domain.user.UserId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RowPlannerTest {

  static final ConversationId CONV = ConversationId.of(9);
  static final UserId ME = UserId.of(1);
  static final UserId ANA = UserId.of(2);
  static final UserId BAO = UserId.of(3);
  static final long DAY = 86_400_000L;
  static final long T0 = 20_000 * DAY + 9 * 3_600_000L;
  static final RowPlanner.DayKeys UTC = millis -> (int) Math.floorDiv(millis, DAY);

  static Message msg(long seq, UserId sender, long at, String text) {
    return new Message(CONV, seq, sender, "c" + seq, MessageKind.TEXT, text, null, "", 0, null, List.of(),
        List.of(), at, 0, false);
  }

  static TimelineEntry e(Message m) {
    return new TimelineEntry.Confirmed(m);
  }

  static MessageListModel.Builder model(List<TimelineEntry> entries) {
    return MessageListModel.builder(CONV, ME).entries(entries)
        .displayNames(Map.of(ME, "Me", ANA, "Ana", BAO, "Bảo")).nowMillis(T0 + DAY);
  }

  @Test
  void groupsRunsBySenderAndBreaksOnDaysAndSilence() {
    List<TimelineEntry> entries = List.of(
        e(msg(1, ANA, T0, "a")), e(msg(2, ANA, T0 + 60_000, "b")), e(msg(3, ME, T0 + 120_000, "c")),
        e(msg(4, ME, T0 + 60 * 60_000, "d")), e(msg(5, ME, T0 + DAY, "e")));
    List<RowSpec> rows = RowPlanner.plan(model(entries).build(), UTC);
    assertEquals(List.of(true, false, true, true, true), rows.stream().map(RowSpec::groupStart).toList());
    assertEquals(List.of(false, true, true, true, true), rows.stream().map(RowSpec::groupEnd).toList());
    assertEquals(List.of(true, false, false, false, true), rows.stream().map(RowSpec::dayBreak).toList());
    assertEquals("Ana", rows.get(0).senderName());
    assertEquals("s1", rows.get(0).key());
    assertTrue(rows.get(2).own());
    assertFalse(rows.get(0).own());
  }

  @Test
  void ownStatusIsTheLeastAdvancedOtherMember() {
    List<TimelineEntry> entries = List.of(e(msg(1, ME, T0, "x")), e(msg(2, ME, T0, "y")), e(msg(3, ME, T0, "z")),
        e(msg(4, ANA, T0, "w")));
    MessageListModel m = model(entries).receipts(Map.of(ANA, new ReceiptMarks(3, 2), BAO, new ReceiptMarks(2, 1),
        ME, new ReceiptMarks(0, 0))).build();
    List<RowSpec> rows = RowPlanner.plan(m, UTC);
    assertEquals(MessageStatus.READ, rows.get(0).status());
    assertEquals(MessageStatus.DELIVERED, rows.get(1).status());
    assertEquals(MessageStatus.SENT, rows.get(2).status());
    assertNull(rows.get(3).status(), "no status on others' messages");
    assertEquals(MessageStatus.SENT, RowPlanner.plan(model(entries).build(), UTC).get(0).status());
  }

  @Test
  void localMessagesAreKeyedByClientIdWithTheirStatus() {
    OutgoingMessage out = OutgoingMessage.text(CONV, "k1", "hello");
    PendingMessage sending = PendingMessage.sending(out, ME, T0);
    PendingMessage failed = new PendingMessage(OutgoingMessage.text(CONV, "k2", "oops"), ME, MessageStatus.FAILED,
        T0);
    List<RowSpec> rows = RowPlanner.plan(model(List.of(e(msg(1, ANA, T0, "a")), sending, failed)).build(), UTC);
    assertEquals("lk1", rows.get(1).key());
    assertEquals("k1", rows.get(1).localId());
    assertEquals(0, rows.get(1).seq());
    assertEquals(MessageStatus.SENDING, rows.get(1).status());
    assertEquals(MessageStatus.FAILED, rows.get(2).status());
    assertFalse(rows.get(2).canEdit());
  }

  @Test
  void firstUnreadFromOthersGetsTheDividerAndStartsAGroup() {
    List<TimelineEntry> entries = List.of(e(msg(1, ANA, T0, "a")), e(msg(2, ME, T0, "b")),
        e(msg(3, ANA, T0, "c")), e(msg(4, ANA, T0, "d")));
    List<RowSpec> rows = RowPlanner.plan(model(entries).firstUnreadSeq(2).build(), UTC);
    assertEquals(List.of(false, false, true, false), rows.stream().map(RowSpec::unreadDivider).toList());
  }

  @Test
  void reactionsCountUsersAndMarkTheOwnOnes() {
    Message m = new Message(CONV, 1, ANA, "c1", MessageKind.TEXT, "hi", null, "", 0, null, List.of(),
        List.of(new Reaction("👍", List.of(ANA, ME)), new Reaction("❤️", List.of(BAO))), T0, 0, false);
    RowSpec row = RowPlanner.plan(model(List.of(e(m))).build(), UTC).get(0);
    assertEquals(List.of(new RowSpec.ReactionChip("👍", 2, true), new RowSpec.ReactionChip("❤️", 1, false)),
        row.reactions());
    assertTrue(model(List.of(e(m))).build().hasOwnReaction(m, "👍"));
  }

  @Test
  void replyPreviewShowsALoadedTargetOrAskForTheUnloadedOne() {
    Message target = msg(5, ANA, T0, "the *original* text");
    Message reply = new Message(CONV, 6, ME, "c6", MessageKind.TEXT, "yes", null, "", 5, null, List.of(),
        List.of(), T0, 0, false);
    Message far = new Message(CONV, 7, ME, "c7", MessageKind.TEXT, "and", null, "", 2, null, List.of(),
        List.of(), T0, 0, false);
    List<RowSpec> rows = RowPlanner.plan(model(List.of(e(target), e(reply), e(far))).build(), UTC);
    assertEquals(new RowSpec.ReplyPreview(5, true, "Ana", "the original text"), rows.get(1).reply());
    assertFalse(rows.get(2).reply().loaded());
    assertEquals(2, rows.get(2).reply().seq());
  }

  @Test
  void editedDeletedAndRulesAreCarried() {
    Message edited = new Message(CONV, 1, ME, "c1", MessageKind.TEXT, "v2", null, "", 0, null, List.of(),
        List.of(), T0 + DAY - 1000, T0 + DAY - 10, false);
    Message old = msg(2, ME, T0 - 2 * DAY, "old");
    Message deleted = new Message(CONV, 3, ANA, "c3", MessageKind.TEXT, "", null, "", 0, null, List.of(),
        List.of(), T0, 0, true);
    List<RowSpec> rows = RowPlanner.plan(model(List.of(e(edited), e(old), e(deleted))).build(), UTC);
    assertTrue(rows.get(0).edited());
    assertTrue(rows.get(0).canEdit());
    assertTrue(rows.get(0).canDeleteForEveryone());
    assertFalse(rows.get(1).canEdit(), "outside the edit window");
    assertTrue(rows.get(2).deleted());
    assertFalse(rows.get(2).canReact());
    assertFalse(rows.get(2).canDeleteForEveryone(), "not own");
  }

  @Test
  void estimatesGrowWithTextAndParts() {
    List<TimelineEntry> entries = new ArrayList<>();
    entries.add(e(msg(1, ANA, T0, "short")));
    entries.add(e(msg(2, ANA, T0, "long ".repeat(200))));
    List<RowSpec> rows = RowPlanner.plan(model(entries).build(), UTC);
    assertTrue(RowPlanner.estimateHeight(rows.get(1), 600) > RowPlanner.estimateHeight(rows.get(0), 600) + 100);
    assertTrue(RowPlanner.estimateHeight(rows.get(1), 300) > RowPlanner.estimateHeight(rows.get(1), 900));
  }

  @Test
  void clipNeverSplitsASurrogatePair() {
    assertEquals("ab…", RowPlanner.clip("ab😀cd", 3));
    assertEquals("abc", RowPlanner.clip("abc", 3));
  }
}
