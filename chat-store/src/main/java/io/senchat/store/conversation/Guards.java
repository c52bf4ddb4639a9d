package io.senchat.store.conversation;

import io.senchat.domain.common.ChatException;
import io.senchat.domain.common.ErrorCode;
import io.senchat.domain.conversation.ConversationId;
import io.senchat.domain.conversation.ConversationKind;
import io.senchat.domain.conversation.MemberRole;
import io.senchat.domain.user.SystemRole;
import io.senchat.domain.user.UserId;

/** The checks shared by the stores of this package, run under the conversation's row lock. */
final class Guards {

  /** Who is acting: their role here (null when not a member) and whether they are a super-admin. */
  record Actor(UserId id, MemberRole role, boolean superAdmin) {

    boolean isMember() {
      return role != null;
    }
  }

  private Guards() {
  }

  /** Locks the conversation; NOT_FOUND when it does not exist. */
  static ConversationDao.ConversationRow lock(ConversationDao dao, ConversationId id) {
    return dao.lock(id.value()).orElseThrow(() -> new ChatException(ErrorCode.NOT_FOUND, "no conversation " + id));
  }

  /** The actor's standing, read after the lock so that it cannot change before the transaction ends. */
  static Actor actor(ConversationDao dao, ConversationId id, UserId user) {
    ConversationDao.ActorRow row = dao.actor(id.value(), user.value())
        .orElseThrow(() -> new ChatException(ErrorCode.NOT_FOUND, "no account " + user));
    return new Actor(user, row.role() == null ? null : MemberRole.valueOf(row.role()),
        SystemRole.SUPER_ADMIN.name().equals(row.systemRole()));
  }

  static void requireGroup(ConversationDao.ConversationRow row, String what) {
    if (row.conversation().kind() != ConversationKind.GROUP) {
      throw new ChatException(ErrorCode.VALIDATION, what + " is only possible in groups");
    }
  }

  /** Passes when the actor is a super-admin or a member with at least {@code needed}. */
  static void require(Actor actor, MemberRole needed, ConversationId id, String what) {
    if (actor.superAdmin() || (actor.isMember() && actor.role().atLeast(needed))) {
      return;
    }
    if (!actor.isMember()) {
      throw new ChatException(ErrorCode.NOT_MEMBER, actor.id() + " is not a member of " + id);
    }
    throw new ChatException(ErrorCode.FORBIDDEN, what + " needs role " + needed + " or higher");
  }
}
