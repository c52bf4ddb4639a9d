package io.senchat.domain.permission;

import static io.senchat.domain.Fixtures.ALICE;
import static io.senchat.domain.Fixtures.BOB;
import static io.senchat.domain.Fixtures.CAROL;
import static io.senchat.domain.Fixtures.deleted;
import static io.senchat.domain.Fixtures.ofKind;
import static io.senchat.domain.Fixtures.sentAt;
import static io.senchat.domain.Fixtures.text;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.senchat.domain.Fixtures;
import io.senchat.domain.common.ChatException;
import io.senchat.domain.conversation.Audience;
import io.senchat.domain.conversation.Conversation;
import io.senchat.domain.conversation.GroupSettings;
import io.senchat.domain.conversation.MemberRole;
import io.senchat.domain.message.Forwarded;
import io.senchat.domain.message.Message;
import io.senchat.domain.message.MessageKind;
import io.senchat.domain.message.MessageRef;
import io.senchat.domain.rules.Limits;
import io.senchat.domain.user.SystemRole;
import io.senchat.domain.user.UserId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PermissionsTest {

  private static final long NOW = 1_000_000_000L;
  private static final Message BOBS_MESSAGE = sentAt(text(5, BOB), NOW - 1000);
  private static final Message ALICES_MESSAGE = sentAt(text(6, ALICE), NOW - 1000);

  private static Actor actor(MemberRole role, Conversation conversation) {
    return new Actor(ALICE, SystemRole.USER, role, conversation, 5, NOW);
  }

  private static Actor inGroup(MemberRole role) {
    return actor(role, Fixtures.group());
  }

  private static Actor inGroup(MemberRole role, GroupSettings settings) {
    return actor(role, Fixtures.group(settings));
  }

  private static Actor superAdmin(MemberRole role) {
    return new Actor(ALICE, SystemRole.SUPER_ADMIN, role, Fixtures.group(), 5, NOW);
  }

  private static MemberRole role(String name) {
    return name.equals("-") ? null : MemberRole.valueOf(name);
  }

  /** The target each action gets in the matrix: Bob's (a plain member's) fresh message, or Carol as a member. */
  private static Target standardTarget(Action action) {
    return switch (action) {
      case EDIT, DELETE_FOR_ME, DELETE_FOR_EVERYONE, REACT, PIN -> Target.message(BOBS_MESSAGE, MemberRole.MEMBER);
      case REMOVE_MEMBER, PROMOTE_TO_ADMIN, DEMOTE_TO_MEMBER, TRANSFER_OWNERSHIP -> Target.member(CAROL, MemberRole.MEMBER);
      default -> Target.NONE;
    };
  }

  /** Asserts {@code can} and {@code check} agree with {@code expected}: "ok" or an error code name. */
  private static void expect(String expected, Actor actor, Action action, Target target) {
    boolean allowed = Permissions.can(actor, action, target);
    String description = action + " by " + actor.role() + " (" + actor.systemRole() + ") on " + target;
    if (expected.equals("ok")) {
      assertTrue(allowed, description + " should be allowed");
      assertDoesNotThrow(() -> Permissions.check(actor, action, target), description);
      return;
    }
    assertFalse(allowed, description + " should be refused");
    try {
      Permissions.check(actor, action, target);
      fail(description + " should throw");
    } catch (ChatException e) {
      assertEquals(expected, e.code().name(), description + ": " + e.getMessage());
      assertFalse(e.getMessage().isBlank());
    }
  }

  @ParameterizedTest(name = "group {0}: none={1} member={2} admin={3} owner={4}")
  @CsvSource({
      "SEND,                NOT_MEMBER, ok,        ok,        ok",
      "EDIT,                NOT_MEMBER, FORBIDDEN, FORBIDDEN, FORBIDDEN",
      "DELETE_FOR_ME,       NOT_MEMBER, ok,        ok,        ok",
      "DELETE_FOR_EVERYONE, NOT_MEMBER, FORBIDDEN, ok,        ok",
      "REACT,               NOT_MEMBER, ok,        ok,        ok",
      "PIN,                 NOT_MEMBER, FORBIDDEN, ok,        ok",
      "ADD_MEMBERS,         NOT_MEMBER, ok,        ok,        ok",
      "REMOVE_MEMBER,       NOT_MEMBER, FORBIDDEN, ok,        ok",
      "PROMOTE_TO_ADMIN,    NOT_MEMBER, FORBIDDEN, FORBIDDEN, ok",
      "DEMOTE_TO_MEMBER,    NOT_MEMBER, FORBIDDEN, FORBIDDEN, ok",
      "TRANSFER_OWNERSHIP,  NOT_MEMBER, FORBIDDEN, FORBIDDEN, ok",
      "CHANGE_INFO,         NOT_MEMBER, FORBIDDEN, ok,        ok",
      "CHANGE_SETTINGS,     NOT_MEMBER, FORBIDDEN, ok,        ok",
      "LEAVE,               NOT_MEMBER, ok,        ok,        FORBIDDEN",
      "MODERATE,            FORBIDDEN,  FORBIDDEN, FORBIDDEN, FORBIDDEN",
  })
  void groupMatrixWithDefaultSettings(Action action, String none, String member, String admin, String owner) {
    Target target = standardTarget(action);
    expect(none, inGroup(null), action, target);
    expect(member, inGroup(MemberRole.MEMBER), action, target);
    expect(admin, inGroup(MemberRole.ADMIN), action, target);
    expect(owner, inGroup(MemberRole.OWNER), action, target);
  }

  @ParameterizedTest(name = "direct {0}: none={1} member={2}")
  @CsvSource({
      "SEND,                NOT_MEMBER, ok",
      "EDIT,                NOT_MEMBER, FORBIDDEN",
      "DELETE_FOR_ME,       NOT_MEMBER, ok",
      "DELETE_FOR_EVERYONE, NOT_MEMBER, FORBIDDEN",
      "REACT,               NOT_MEMBER, ok",
      "PIN,                 NOT_MEMBER, ok",
      "ADD_MEMBERS,         NOT_MEMBER, FORBIDDEN",
      "REMOVE_MEMBER,       NOT_MEMBER, FORBIDDEN",
      "PROMOTE_TO_ADMIN,    NOT_MEMBER, FORBIDDEN",
      "DEMOTE_TO_MEMBER,    NOT_MEMBER, FORBIDDEN",
      "TRANSFER_OWNERSHIP,  NOT_MEMBER, FORBIDDEN",
      "CHANGE_INFO,         NOT_MEMBER, FORBIDDEN",
      "CHANGE_SETTINGS,     NOT_MEMBER, FORBIDDEN",
      "LEAVE,               NOT_MEMBER, FORBIDDEN",
      "MODERATE,            FORBIDDEN,  FORBIDDEN",
  })
  void directMatrix(Action action, String none, String member) {
    Target target = standardTarget(action);
    expect(none, actor(null, Fixtures.direct()), action, target);
    expect(member, actor(MemberRole.MEMBER, Fixtures.direct()), action, target);
  }

  @ParameterizedTest(name = "super-admin, not a member, {0}: {1}")
  @CsvSource({
      "SEND, NOT_MEMBER", "EDIT, NOT_MEMBER", "DELETE_FOR_ME, NOT_MEMBER", "DELETE_FOR_EVERYONE, ok",
      "REACT, NOT_MEMBER", "PIN, NOT_MEMBER", "ADD_MEMBERS, NOT_MEMBER", "REMOVE_MEMBER, ok",
      "PROMOTE_TO_ADMIN, NOT_MEMBER", "DEMOTE_TO_MEMBER, NOT_MEMBER", "TRANSFER_OWNERSHIP, NOT_MEMBER",
      "CHANGE_INFO, NOT_MEMBER", "CHANGE_SETTINGS, NOT_MEMBER", "LEAVE, NOT_MEMBER", "MODERATE, ok",
  })
  void superAdminOutsideTheGroupMayOnlyModerate(Action action, String expected) {
    expect(expected, superAdmin(null), action, standardTarget(action));
  }

  @Test
  void superAdminWhoIsAPlainMemberIsOtherwiseAPlainMember() {
    expect("FORBIDDEN", superAdmin(MemberRole.MEMBER), Action.PIN, standardTarget(Action.PIN));
    expect("ok", superAdmin(MemberRole.MEMBER), Action.MODERATE, Target.NONE);
    expect("ok", superAdmin(MemberRole.MEMBER), Action.DELETE_FOR_EVERYONE,
        Target.message(sentAt(BOBS_MESSAGE, 0), MemberRole.OWNER));
  }

  @ParameterizedTest(name = "post={0}: member={1} admin={2} owner={3}")
  @CsvSource({
      "MEMBERS, ok,        ok,        ok",
      "ADMINS,  FORBIDDEN, ok,        ok",
      "OWNER,   FORBIDDEN, FORBIDDEN, ok",
  })
  void sendFollowsThePostSetting(Audience post, String member, String admin, String owner) {
    GroupSettings settings = new GroupSettings(post, Audience.MEMBERS, Audience.ADMINS, Audience.ADMINS);
    expect(member, inGroup(MemberRole.MEMBER, settings), Action.SEND, Target.NONE);
    expect(admin, inGroup(MemberRole.ADMIN, settings), Action.SEND, Target.NONE);
    expect(owner, inGroup(MemberRole.OWNER, settings), Action.SEND, Target.NONE);
  }

  @ParameterizedTest(name = "audience={0}: member={1} admin={2} owner={3}")
  @CsvSource({
      "MEMBERS, ok,        ok,        ok",
      "ADMINS,  FORBIDDEN, ok,        ok",
      "OWNER,   FORBIDDEN, FORBIDDEN, ok",
  })
  void addMembersPinAndChangeInfoFollowTheirSettings(Audience audience, String member, String admin, String owner) {
    GroupSettings settings = new GroupSettings(Audience.MEMBERS, audience, audience, audience);
    Target pinTarget = standardTarget(Action.PIN);
    String[] expected = {member, admin, owner};
    MemberRole[] roles = {MemberRole.MEMBER, MemberRole.ADMIN, MemberRole.OWNER};
    for (int i = 0; i < roles.length; i++) {
      expect(expected[i], inGroup(roles[i], settings), Action.ADD_MEMBERS, Target.NONE);
      expect(expected[i], inGroup(roles[i], settings), Action.PIN, pinTarget);
      expect(expected[i], inGroup(roles[i], settings), Action.CHANGE_INFO, Target.NONE);
    }
  }

  @Test
  void changingSettingsStaysWithAdminsWhateverTheSettingsSay() {
    GroupSettings open = new GroupSettings(Audience.MEMBERS, Audience.MEMBERS, Audience.MEMBERS, Audience.MEMBERS);
    expect("FORBIDDEN", inGroup(MemberRole.MEMBER, open), Action.CHANGE_SETTINGS, Target.NONE);
  }

  @Test
  void senderMayEditOwnMessageUntilTheWindowEndsInclusive() {
    Actor member = inGroup(MemberRole.MEMBER);
    expect("ok", member, Action.EDIT, Target.message(ALICES_MESSAGE, MemberRole.MEMBER));
    Message atLimit = sentAt(ALICES_MESSAGE, NOW - Limits.EDIT_WINDOW_MILLIS);
    expect("ok", member, Action.EDIT, Target.message(atLimit, MemberRole.MEMBER));
    Message pastLimit = sentAt(ALICES_MESSAGE, NOW - Limits.EDIT_WINDOW_MILLIS - 1);
    expect("FORBIDDEN", member, Action.EDIT, Target.message(pastLimit, MemberRole.MEMBER));
  }

  @Test
  void aMessageStampedInTheFutureByASkewedClockCountsAsJustSent() {
    expect("ok", inGroup(MemberRole.MEMBER), Action.EDIT,
        Target.message(sentAt(ALICES_MESSAGE, NOW + 60_000), MemberRole.MEMBER));
  }

  @Test
  void ownerHasNoEditWindowExemption() {
    Message old = sentAt(ALICES_MESSAGE, NOW - Limits.EDIT_WINDOW_MILLIS - 1);
    expect("FORBIDDEN", inGroup(MemberRole.OWNER), Action.EDIT, Target.message(old, MemberRole.OWNER));
  }

  @Test
  void deletedForwardedAndNonTextualMessagesCannotBeEdited() {
    Actor member = inGroup(MemberRole.MEMBER);
    expect("FORBIDDEN", member, Action.EDIT, Target.message(deleted(ALICES_MESSAGE), MemberRole.MEMBER));
    for (MessageKind kind : new MessageKind[] {MessageKind.SYSTEM, MessageKind.STICKER, MessageKind.VOICE}) {
      expect("FORBIDDEN", member, Action.EDIT, Target.message(ofKind(ALICES_MESSAGE, kind), MemberRole.MEMBER));
    }
    for (MessageKind kind : new MessageKind[] {MessageKind.IMAGE, MessageKind.VIDEO, MessageKind.FILE}) {
      expect("ok", member, Action.EDIT, Target.message(ofKind(ALICES_MESSAGE, kind), MemberRole.MEMBER));
    }
    Message m = ALICES_MESSAGE;
    Message forwarded = new Message(m.conversationId(), m.seq(), m.senderId(), m.clientId(), m.kind(), m.text(),
        null, "", 0, new Forwarded(new MessageRef(m.conversationId(), 1), CAROL), m.mentions(), m.reactions(),
        m.sentAtMillis(), 0, false);
    expect("FORBIDDEN", member, Action.EDIT, Target.message(forwarded, MemberRole.MEMBER));
  }

  @Test
  void aMemberWhoMayNoLongerPostMayNoLongerEdit() {
    GroupSettings adminsOnly = new GroupSettings(Audience.ADMINS, Audience.MEMBERS, Audience.ADMINS, Audience.ADMINS);
    expect("FORBIDDEN", inGroup(MemberRole.MEMBER, adminsOnly), Action.EDIT,
        Target.message(ALICES_MESSAGE, MemberRole.MEMBER));
  }

  @Test
  void senderMayDeleteForEveryoneWithinTheWindowOnly() {
    for (Actor actor : new Actor[] {inGroup(MemberRole.MEMBER), actor(MemberRole.MEMBER, Fixtures.direct())}) {
      Message atLimit = sentAt(ALICES_MESSAGE, NOW - Limits.DELETE_FOR_EVERYONE_WINDOW_MILLIS);
      Message pastLimit = sentAt(ALICES_MESSAGE, NOW - Limits.DELETE_FOR_EVERYONE_WINDOW_MILLIS - 1);
      expect("ok", actor, Action.DELETE_FOR_EVERYONE, Target.message(atLimit, MemberRole.MEMBER));
      expect("FORBIDDEN", actor, Action.DELETE_FOR_EVERYONE, Target.message(pastLimit, MemberRole.MEMBER));
    }
  }

  @ParameterizedTest(name = "{0} deleting a message by a {1}: {2}")
  @CsvSource({
      "MEMBER, MEMBER, FORBIDDEN",
      "MEMBER, ADMIN,  FORBIDDEN",
      "MEMBER, OWNER,  FORBIDDEN",
      "MEMBER, -,      FORBIDDEN",
      "ADMIN,  MEMBER, ok",
      "ADMIN,  -,      ok",
      "ADMIN,  ADMIN,  FORBIDDEN",
      "ADMIN,  OWNER,  FORBIDDEN",
      "OWNER,  MEMBER, ok",
      "OWNER,  ADMIN,  ok",
      "OWNER,  -,      ok",
  })
  void deleteForEveryoneOfOthersOldMessagesFollowsRank(String actorRole, String senderRole, String expected) {
    Message old = sentAt(BOBS_MESSAGE, NOW - Limits.DELETE_FOR_EVERYONE_WINDOW_MILLIS * 10);
    expect(expected, inGroup(role(actorRole)), Action.DELETE_FOR_EVERYONE, Target.message(old, role(senderRole)));
  }

  @Test
  void adminsAndOwnerMayDeleteTheirOwnOldMessages() {
    Message old = sentAt(ALICES_MESSAGE, NOW - Limits.DELETE_FOR_EVERYONE_WINDOW_MILLIS * 10);
    expect("ok", inGroup(MemberRole.ADMIN), Action.DELETE_FOR_EVERYONE, Target.message(old, MemberRole.ADMIN));
    expect("ok", inGroup(MemberRole.OWNER), Action.DELETE_FOR_EVERYONE, Target.message(old, MemberRole.OWNER));
  }

  @Test
  void systemMessagesAreDeletedOnlyByModerators() {
    Message system = ofKind(BOBS_MESSAGE, MessageKind.SYSTEM);
    expect("FORBIDDEN", inGroup(MemberRole.OWNER), Action.DELETE_FOR_EVERYONE, Target.message(system, MemberRole.MEMBER));
    expect("ok", superAdmin(null), Action.DELETE_FOR_EVERYONE, Target.message(system, MemberRole.MEMBER));
  }

  @Test
  void deletedAndSystemMessagesGetNoReactions() {
    expect("FORBIDDEN", inGroup(MemberRole.OWNER), Action.REACT, Target.message(deleted(BOBS_MESSAGE), MemberRole.MEMBER));
    expect("FORBIDDEN", inGroup(MemberRole.MEMBER), Action.REACT,
        Target.message(ofKind(BOBS_MESSAGE, MessageKind.SYSTEM), MemberRole.MEMBER));
  }

  @Test
  void deletedMessagesCannotBePinned() {
    expect("FORBIDDEN", inGroup(MemberRole.OWNER), Action.PIN, Target.message(deleted(BOBS_MESSAGE), MemberRole.MEMBER));
  }

  @ParameterizedTest(name = "{0} removing a {1}: {2}")
  @CsvSource({
      "OWNER,  MEMBER, ok",
      "OWNER,  ADMIN,  ok",
      "OWNER,  -,      NOT_FOUND",
      "ADMIN,  MEMBER, ok",
      "ADMIN,  ADMIN,  FORBIDDEN",
      "ADMIN,  OWNER,  FORBIDDEN",
      "MEMBER, MEMBER, FORBIDDEN",
      "MEMBER, ADMIN,  FORBIDDEN",
      "MEMBER, OWNER,  FORBIDDEN",
  })
  void removeMemberFollowsRank(String actorRole, String targetRole, String expected) {
    expect(expected, inGroup(role(actorRole)), Action.REMOVE_MEMBER, Target.member(CAROL, role(targetRole)));
  }

  @Test
  void nobodyRemovesTheOwnerNorThemselves() {
    expect("FORBIDDEN", superAdmin(null), Action.REMOVE_MEMBER, Target.member(CAROL, MemberRole.OWNER));
    expect("ok", superAdmin(null), Action.REMOVE_MEMBER, Target.member(CAROL, MemberRole.ADMIN));
    expect("FORBIDDEN", inGroup(MemberRole.OWNER), Action.REMOVE_MEMBER, Target.member(ALICE, MemberRole.OWNER));
    expect("FORBIDDEN", inGroup(MemberRole.ADMIN), Action.REMOVE_MEMBER, Target.member(ALICE, MemberRole.ADMIN));
  }

  @ParameterizedTest(name = "owner {0} on self or outsider")
  @CsvSource({"PROMOTE_TO_ADMIN", "DEMOTE_TO_MEMBER", "TRANSFER_OWNERSHIP"})
  void roleChangesNeedAnotherMember(Action action) {
    expect("FORBIDDEN", inGroup(MemberRole.OWNER), action, Target.member(ALICE, MemberRole.OWNER));
    expect("NOT_FOUND", inGroup(MemberRole.OWNER), action, Target.member(UserId.of(99), null));
    expect("ok", inGroup(MemberRole.OWNER), action, Target.member(CAROL, MemberRole.ADMIN));
  }

  @Test
  void ownerMayLeaveOnlyAsTheLastMember() {
    Actor lastOwner = new Actor(ALICE, SystemRole.USER, MemberRole.OWNER, Fixtures.group(), 1, NOW);
    expect("ok", lastOwner, Action.LEAVE, Target.NONE);
    Actor owner = new Actor(ALICE, SystemRole.USER, MemberRole.OWNER, Fixtures.group(), 2, NOW);
    ChatException e = assertThrows(ChatException.class, () -> Permissions.check(owner, Action.LEAVE));
    assertTrue(e.getMessage().contains("transfer"), e.getMessage());
  }

  @Test
  void checkWithoutTargetEqualsCheckWithNone() {
    assertTrue(Permissions.can(inGroup(MemberRole.MEMBER), Action.SEND));
    assertFalse(Permissions.can(inGroup(null), Action.SEND));
  }

  @Test
  void aWrongTargetKindIsAProgrammingError() {
    assertThrows(IllegalArgumentException.class,
        () -> Permissions.check(inGroup(MemberRole.MEMBER), Action.EDIT, Target.NONE));
    assertThrows(IllegalArgumentException.class,
        () -> Permissions.check(inGroup(MemberRole.OWNER), Action.REMOVE_MEMBER, Target.message(BOBS_MESSAGE, null)));
  }

  @Test
  void actorOfReadsTheInjectedClockOnce() {
    long[] calls = {0};
    Actor a = Actor.of(ALICE, SystemRole.USER, MemberRole.MEMBER, Fixtures.group(), 3, () -> {
      calls[0]++;
      return 42L;
    });
    assertEquals(42L, a.nowMillis());
    assertEquals(1, calls[0]);
  }

  @Test
  void denialMessagesExplainTheRule() {
    ChatException e = assertThrows(ChatException.class, () -> Permissions.check(inGroup(MemberRole.MEMBER),
        Action.EDIT, Target.message(sentAt(ALICES_MESSAGE, 0), MemberRole.MEMBER)));
    assertTrue(e.getMessage().contains("24 hours"), e.getMessage());
  }
}
