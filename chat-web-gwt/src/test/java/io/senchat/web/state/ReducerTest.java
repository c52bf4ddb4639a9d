package io.senchat.web.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.senchat.domain.conversation.Conversation;
import io.senchat.domain.conversation.ConversationId;
import io.senchat.domain.conversation.ConversationKind;
import io.senchat.domain.conversation.GroupSettings;
import io.senchat.domain.conversation.MemberRole;
import io.senchat.domain.conversation.MemberState;
import io.senchat.domain.message.Message;
import io.senchat.domain.message.MessageKind;
import io.senchat.domain.message.MessageStatus;
import io.senchat.domain.message.OutgoingMessage;
import io.senchat.domain.protocol.MemberChange;
import io.senchat.domain.protocol.ServerFrame;
import io.senchat.domain.timeline.PendingMessage;
import io.senchat.domain.unread.ReceiptMarks;
import io.senchat.domain.user.SystemRole;
import io.senchat.domain.user.UserId;
import io.senchat.domain.user.UserProfile;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReducerTest {

  private static final UserId ME = UserId.of(1);
  private static final UserId PEER = UserId.of(2);
  private static final ConversationId C = ConversationId.of(7);

  private static AppState signedInWithConversation() {
    UserProfile me = new UserProfile(ME, "lan", "Lan", "", "", SystemRole.USER);
    UserProfile peer = new UserProfile(PEER, "minh", "Minh", "", "", SystemRole.USER);
    Conversation c = new Conversation(C, ConversationKind.DIRECT, "", "", GroupSettings.DEFAULTS, ME, 3, 100);
    ConvEntry entry = new ConvEntry(c, MemberRole.MEMBER, new MemberState(C, ME, false, 0, false, false, 3, 3, 0), 2,
        0, null, peer, 100);
    AppState s = Reducer.reduce(AppState.SIGNED_OUT, new Action.SignedIn(me));
    s = Reducer.reduce(s, new Action.ConversationsLoaded(List.of(entry), true));
    return Reducer.reduce(s, new Action.Opened(C));
  }

  private static Message message(long seq, UserId sender, String clientId) {
    return new Message(C, seq, sender, clientId, MessageKind.TEXT, "hi " + seq, null, "", 0, null, List.of(),
        List.of(), 1000 + seq, 0, false);
  }

  private static AppState server(AppState s, ServerFrame frame) {
    return Reducer.reduce(s, new Action.Server(frame, 0));
  }

  @Test
  void newMessageFromOthersCountsOnceEvenWhenReplayed() {
    AppState s = signedInWithConversation();
    ServerFrame frame = new ServerFrame.MessageNew(message(4, PEER, "p1"));
    s = server(s, frame);
    s = server(s, frame);
    ConvEntry e = s.conversations().get(C);
    assertEquals(1, e.unreadCount());
    assertEquals(4, e.conversation().lastSeq());
    assertEquals("hi 4", e.lastMessage().text());
    assertEquals(1, s.timeline(C).confirmed().size());
  }

  @Test
  void markedReadClearsTheBadge() {
    AppState s = server(signedInWithConversation(), new ServerFrame.MessageNew(message(4, PEER, "p1")));
    s = Reducer.reduce(s, new Action.MarkedRead(C, 4));
    assertEquals(0, s.conversations().get(C).unreadCount());
    assertEquals(4, s.conversations().get(C).memberState().lastReadSeq());
  }

  @Test
  void optimisticSendIsConfirmedByAckAndItsEchoDoesNotDuplicate() {
    AppState s = signedInWithConversation();
    OutgoingMessage out = OutgoingMessage.text(C, "w1", "xin chào");
    s = Reducer.reduce(s, new Action.PendingAdded(PendingMessage.sending(out, ME, 5)));
    assertEquals(MessageStatus.SENDING, s.timeline(C).pending().get(0).status());
    s = Reducer.reduce(s, new Action.SendFailed(C, "w1"));
    assertEquals(MessageStatus.FAILED, s.timeline(C).pending().get(0).status());
    s = Reducer.reduce(s, new Action.Retrying(C, "w1"));
    assertEquals(MessageStatus.SENDING, s.timeline(C).pending().get(0).status());
    s = Reducer.reduce(s, new Action.SendAcked(C, "w1", 4, 2000));
    assertTrue(s.timeline(C).pending().isEmpty());
    s = server(s, new ServerFrame.MessageNew(out.toMessage(4, ME, 2000)));
    assertEquals(1, s.timeline(C).confirmed().size());
    assertEquals(0, s.conversations().get(C).unreadCount(), "own messages are never unread");
  }

  @Test
  void receiptMarksOnlyRise() {
    AppState s = server(signedInWithConversation(), new ServerFrame.MessageNew(message(4, ME, "m4")));
    s = server(s, new ServerFrame.ReceiptEvent(C, PEER, 4, 4));
    AppState again = server(s, new ServerFrame.ReceiptEvent(C, PEER, 3, 2));
    assertSame(s, again);
    assertEquals(new ReceiptMarks(4, 4), s.marks().get(C).get(PEER));
  }

  @Test
  void typingExpiresWithoutRefresh() {
    AppState s = Reducer.reduce(signedInWithConversation(),
        new Action.Server(new ServerFrame.TypingEvent(C, PEER, true), 1_000));
    assertEquals(List.of(PEER), s.typingIn(C));
    assertEquals(List.of(PEER), Reducer.reduce(s, new Action.Tick(5_000)).typingIn(C));
    assertTrue(Reducer.reduce(s, new Action.Tick(60_000)).typingIn(C).isEmpty());
  }

  @Test
  void removedFromAConversationDropsAndClosesIt() {
    AppState s = server(signedInWithConversation(),
        new ServerFrame.MemberChanged(C, ME, null, MemberChange.REMOVED));
    assertFalse(s.conversations().containsKey(C));
    assertEquals(null, s.openId());
  }

  @Test
  void hiddenMessagesAreRemembered() {
    AppState s = server(signedInWithConversation(), new ServerFrame.MessageHidden(C, 2));
    assertTrue(s.hidden().get(C).contains(2L));
  }
}
