package io.senchat.server.fanout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.senchat.domain.conversation.Conversation;
import io.senchat.domain.conversation.ConversationId;
import io.senchat.domain.conversation.ConversationKind;
import io.senchat.domain.conversation.GroupSettings;
import io.senchat.domain.conversation.Member;
import io.senchat.domain.conversation.MemberRole;
import io.senchat.domain.protocol.MemberChange;
import io.senchat.domain.protocol.ServerFrame.MemberChanged;
import io.senchat.domain.protocol.ServerFrame.MessageHidden;
import io.senchat.domain.protocol.ServerFrame.TypingEvent;
import io.senchat.domain.transport.CloseReason;
import io.senchat.domain.user.UserId;
import io.senchat.server.membership.ConversationMembers;
import io.senchat.server.membership.Memberships;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InProcessFanOutTest {

  private static final ConversationId GROUP = ConversationId.of(7);
  private static final UserId ANH = UserId.of(1);
  private static final UserId BINH = UserId.of(2);
  private static final UserId CHI = UserId.of(3);

  private final FakeMemberships memberships = new FakeMemberships(List.of(ANH, BINH));
  private final InProcessSessionRegistry sessions = new InProcessSessionRegistry();
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private final InProcessFanOut fanOut = new InProcessFanOut(sessions, memberships, meters);

  @Test
  void everyDeviceOfEveryMemberGetsTheSameEncodedFrame() {
    Recording anhPhone = session(ANH);
    Recording anhLaptop = session(ANH);
    Recording binh = session(BINH);
    Recording chi = session(CHI);

    fanOut.toConversation(GROUP, new MessageHidden(GROUP, 5));

    assertEquals(1, anhPhone.pushes.size());
    assertEquals(1, anhLaptop.pushes.size());
    assertEquals(1, binh.pushes.size());
    assertEquals(0, chi.pushes.size(), "not a member");
    assertSame(anhPhone.pushes.get(0).text(), binh.pushes.get(0).text(), "encoded once");
    assertEquals(3.0, meters.counter("senchat.fanout.deliveries").count());
  }

  @Test
  void membershipChangesRefreshTheCacheAndTheRemovedUserHearsOfIt() {
    Recording binh = session(BINH);
    Recording chi = session(CHI);
    memberships.members = List.of(ANH, CHI);

    fanOut.toConversation(GROUP, new MemberChanged(GROUP, CHI, MemberRole.MEMBER, MemberChange.ADDED));
    assertEquals(1, memberships.invalidations);
    assertEquals(1, chi.pushes.size(), "the new member");
    assertEquals(0, binh.pushes.size(), "no longer a member");

    memberships.members = List.of(ANH);
    fanOut.toConversation(GROUP, new MemberChanged(GROUP, CHI, null, MemberChange.REMOVED));
    assertEquals(2, chi.pushes.size(), "the removed member learns of it");
  }

  @Test
  void typingSkipsTheTypist() {
    Recording anh = session(ANH);
    Recording binh = session(BINH);

    fanOut.toConversationExcept(GROUP, ANH, new TypingEvent(GROUP, ANH, true));

    assertEquals(0, anh.pushes.size());
    assertEquals(1, binh.pushes.size());
    sessions.remove(binh);
    assertEquals(List.of(), sessions.sessionsOf(BINH));
    assertEquals(1, sessions.size());
  }

  private Recording session(UserId user) {
    Recording session = new Recording(user);
    sessions.add(session);
    return session;
  }

  /** A live session that keeps what it is pushed. */
  private static final class Recording implements LiveSession {

    final UserId user;
    final List<Push> pushes = new ArrayList<>();

    Recording(UserId user) {
      this.user = user;
    }

    @Override
    public UserId userId() {
      return user;
    }

    @Override
    public void push(Push push) {
      pushes.add(push);
    }

    @Override
    public void close(CloseReason reason) {
    }
  }

  /** Memberships whose members the test sets, counting invalidations. */
  private static final class FakeMemberships implements Memberships {

    List<UserId> members;
    int invalidations;

    FakeMemberships(List<UserId> members) {
      this.members = members;
    }

    @Override
    public Optional<ConversationMembers> find(ConversationId conversationId) {
      Conversation conversation = new Conversation(conversationId, ConversationKind.GROUP, "g", "",
          GroupSettings.DEFAULTS, ANH, 0, 0);
      return Optional.of(ConversationMembers.of(conversation, members.stream()
          .map(user -> new Member(conversationId, user, MemberRole.MEMBER, 0)).toList()));
    }

    @Override
    public void invalidate(ConversationId conversationId) {
      invalidations++;
    }
  }
}
