package io.senchat.server.rest;

import io.senchat.domain.common.ChatException;
import io.senchat.domain.common.Clock;
import io.senchat.domain.common.ErrorCode;
import io.senchat.domain.conversation.Conversation;
import io.senchat.domain.conversation.ConversationId;
import io.senchat.domain.conversation.Member;
import io.senchat.domain.conversation.MemberRole;
import io.senchat.domain.permission.Actor;
import io.senchat.domain.user.SystemRole;
import io.senchat.domain.user.UserId;
import io.senchat.store.ChatStore;
import java.util.List;

/**
 * Builds the domain's {@link Actor} for a caller in a conversation, for {@code Permissions.check}. The check gives
 * precise answers before any write; the store repeats the decisive checks under the conversation's row lock, so a
 * concurrent role change cannot slip between check and write.
 */
final class ConversationAccess {

  private final ChatStore store;
  private final Clock clock;

  ConversationAccess(ChatStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /** The conversation; NOT_FOUND when it does not exist. */
  Conversation conversation(ConversationId id) {
    return store.conversations().find(id)
        .orElseThrow(() -> new ChatException(ErrorCode.NOT_FOUND, "no conversation " + id.value()));
  }

  /** The caller's membership; NOT_FOUND without the conversation, NOT_MEMBER without membership. */
  Member requireMember(ConversationId id, UserId user) {
    conversation(id);
    return store.memberships().find(id, user)
        .orElseThrow(() -> new ChatException(ErrorCode.NOT_MEMBER, "you are not a member of conversation "
            + id.value()));
  }

  /**
   * The caller as an actor. {@code members} is the current member list when the caller has it at hand (the member
   * count matters only to {@code LEAVE}), else {@code null}.
   */
  Actor actor(ConversationId id, UserId user, List<Member> members) {
    Conversation conversation = conversation(id);
    SystemRole systemRole = store.users().find(user).map(profile -> profile.role())
        .orElseThrow(() -> new ChatException(ErrorCode.UNAUTHENTICATED, "your account no longer exists"));
    MemberRole role = members != null ? roleOf(members, user)
        : store.memberships().find(id, user).map(Member::role).orElse(null);
    return Actor.of(user, systemRole, role, conversation, members != null ? members.size() : 0, clock);
  }

  /** The role of {@code user} among {@code members}, or {@code null} when not a member. */
  static MemberRole roleOf(List<Member> members, UserId user) {
    for (Member member : members) {
      if (member.userId().equals(user)) {
        return member.role();
      }
    }
    return null;
  }
}
