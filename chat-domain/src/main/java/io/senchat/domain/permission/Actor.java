package io.senchat.domain.permission;

import io.senchat.domain.common.Clock;
import io.senchat.domain.conversation.Conversation;
import io.senchat.domain.conversation.MemberRole;
import io.senchat.domain.user.SystemRole;
import io.senchat.domain.user.UserId;

/**
 * Who is acting, in which conversation, and when: everything {@link Permissions} needs besides the target.
 *
 * @param role the actor's role in the conversation, or {@code null} when not a member
 * @param memberCount current number of members, for the "owner leaves last" rule
 * @param nowMillis the time of the request, read once from the {@link Clock} so one request sees one time
 */
public record Actor(UserId userId, SystemRole systemRole, MemberRole role, Conversation conversation,
    int memberCount, long nowMillis) {

  public Actor {
    if (userId == null || systemRole == null || conversation == null) {
      throw new IllegalArgumentException("actor user, system role and conversation must not be null");
    }
    if (memberCount < 0) {
      throw new IllegalArgumentException("member count must not be negative: " + memberCount);
    }
  }

  /** An actor whose request time is read from {@code clock} now. */
  public static Actor of(UserId userId, SystemRole systemRole, MemberRole role, Conversation conversation,
      int memberCount, Clock clock) {
    return new Actor(userId, systemRole, role, conversation, memberCount, clock.nowMillis());
  }

  public boolean isMember() {
    return role != null;
  }

  public boolean isSuperAdmin() {
    return systemRole == SystemRole.SUPER_ADMIN;
  }
}
