package io.senchat.web.messages;

import io.senchat.domain.conversation.MemberRole;
import io.senchat.domain.message.Message;
import io.senchat.domain.message.MessageKind;
import io.senchat.domain.permission.Action;
import io.senchat.domain.permission.Actor;
import io.senchat.domain.permission.Permissions;
import io.senchat.domain.permission.Target;
import io.senchat.domain.rules.Limits;
import io.senchat.domain.user.UserId;
import java.util.Map;

/** Decides which actions the list offers on a message; the server still authorises every command. */
public interface MessageRules {

  /** True when the current user may do {@code action} on {@code message} at {@code nowMillis}. */
  boolean can(Action action, Message message, long nowMillis);

  /**
   * The rules of a plain member, without knowing roles: own messages may be edited and recalled within the
   * domain's windows; anything not deleted may get reactions.
   */
  static MessageRules ownMessagesOnly(UserId ownUserId) {
    return (action, message, nowMillis) -> {
      boolean own = message.senderId().equals(ownUserId);
      boolean live = !message.deletedForEveryone() && message.kind() != MessageKind.SYSTEM;
      long age = nowMillis - message.sentAtMillis();
      return switch (action) {
        case REACT, DELETE_FOR_ME -> live || action == Action.DELETE_FOR_ME;
        case EDIT -> own && live && message.forwarded() == null && message.kind() != MessageKind.STICKER
            && message.kind() != MessageKind.VOICE && age <= Limits.EDIT_WINDOW_MILLIS;
        case DELETE_FOR_EVERYONE -> own && live && age <= Limits.DELETE_FOR_EVERYONE_WINDOW_MILLIS;
        default -> false;
      };
    };
  }

  /**
   * The domain's full {@link Permissions} matrix for {@code actor} (its time is replaced by the time of asking);
   * {@code senderRoles} gives each sender's current role, absent for former members.
   */
  static MessageRules of(Actor actor, Map<UserId, MemberRole> senderRoles) {
    return (action, message, nowMillis) -> {
      Actor now = new Actor(actor.userId(), actor.systemRole(), actor.role(), actor.conversation(),
          actor.memberCount(), nowMillis);
      return Permissions.can(now, action, Target.message(message, senderRoles.get(message.senderId())));
    };
  }
}
