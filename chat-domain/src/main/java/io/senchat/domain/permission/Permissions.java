package io.senchat.domain.permission;

import io.senchat.domain.common.ChatException;
import io.senchat.domain.common.ErrorCode;
import io.senchat.domain.conversation.Audience;
import io.senchat.domain.conversation.MemberRole;
import io.senchat.domain.message.Message;
import io.senchat.domain.message.MessageKind;
import io.senchat.domain.rules.Limits;

/**
 * Who may do what in a conversation; the server authorises every command with one {@link #check} call and the
 * client hides what {@link #can} refuses.
 *
 * <p>The matrix:
 * <ul>
 * <li>A super-admin may {@link Action#MODERATE}, recall any message at any time and remove any member but the
 *     owner, member or not; for everything else a super-admin is an ordinary user.
 * <li>Everything else needs membership ({@link ErrorCode#NOT_MEMBER}).
 * <li>Send: direct, any member; group, per {@code post}. Edit: the sender only, within
 *     {@link Limits#EDIT_WINDOW_MILLIS}, not deleted, not forwarded, TEXT/IMAGE/VIDEO/FILE only, and only while
 *     the sender may still post. Delete for me: any member. React: any member, not on deleted or SYSTEM messages.
 * <li>Delete for everyone: the sender within {@link Limits#DELETE_FOR_EVERYONE_WINDOW_MILLIS}; in groups the
 *     owner any message at any time, an admin their own and plain members' (or former members') messages at
 *     any time, never another admin's or the owner's. SYSTEM messages: moderators only.
 * <li>Pin: direct, any member; group, per {@code pinMessages}; not deleted messages.
 * <li>Add members: groups only, per {@code addMembers}. Remove: groups only; the owner removes anyone but
 *     themself, an admin removes plain members, nobody removes the owner, nobody removes themself (leave instead).
 * <li>Promote, demote, transfer ownership: the owner only. Change info: per {@code changeInfo}. Change settings:
 *     admins and the owner.
 * <li>Leave: any group member; the owner only as the last member, else transfer ownership first. A direct
 *     conversation cannot be left (hide it instead).
 * </ul>
 */
public final class Permissions {

  private Permissions() {
  }

  /** Throws {@code ChatException} with NOT_MEMBER, FORBIDDEN or NOT_FOUND when the actor may not do this. */
  public static void check(Actor actor, Action action, Target target) {
    Denial denial = denial(actor, action, target);
    if (denial != null) {
      throw new ChatException(denial.code, denial.message);
    }
  }

  public static void check(Actor actor, Action action) {
    check(actor, action, Target.NONE);
  }

  public static boolean can(Actor actor, Action action, Target target) {
    return denial(actor, action, target) == null;
  }

  public static boolean can(Actor actor, Action action) {
    return can(actor, action, Target.NONE);
  }

  private record Denial(ErrorCode code, String message) {
  }

  private static Denial denial(Actor actor, Action action, Target target) {
    if (actor == null || action == null || target == null) {
      throw new IllegalArgumentException("actor, action and target must not be null");
    }
    if (action == Action.MODERATE) {
      return actor.isSuperAdmin() ? null : forbidden("only a super-admin may moderate");
    }
    if (actor.isSuperAdmin() && action == Action.DELETE_FOR_EVERYONE) {
      messageTarget(action, target);
      return null;
    }
    if (actor.isSuperAdmin() && action == Action.REMOVE_MEMBER) {
      return removeMember(actor, member(action, target), true);
    }
    if (!actor.isMember()) {
      return new Denial(ErrorCode.NOT_MEMBER, "you are not a member of this conversation");
    }
    return switch (action) {
      case SEND -> send(actor);
      case EDIT -> edit(actor, message(action, target));
      case DELETE_FOR_ME -> {
        messageTarget(action, target);
        yield null;
      }
      case DELETE_FOR_EVERYONE -> deleteForEveryone(actor, messageTarget(action, target));
      case REACT -> react(message(action, target));
      case PIN -> pin(actor, message(action, target));
      case ADD_MEMBERS -> inGroup(actor, actor.conversation().settings().addMembers(), "add members");
      case REMOVE_MEMBER -> removeMember(actor, member(action, target), false);
      case PROMOTE_TO_ADMIN, DEMOTE_TO_MEMBER, TRANSFER_OWNERSHIP -> changeRole(actor, action, member(action, target));
      case CHANGE_INFO -> inGroup(actor, actor.conversation().settings().changeInfo(), "change the group info");
      case CHANGE_SETTINGS -> inGroup(actor, Audience.ADMINS, "change the group settings");
      case LEAVE -> leave(actor);
      case MODERATE -> throw new AssertionError("handled above");
    };
  }

  private static Denial send(Actor actor) {
    if (!actor.conversation().isGroup()) {
      return null;
    }
    return audience(actor, actor.conversation().settings().post(), "send messages");
  }

  private static Denial edit(Actor actor, Message message) {
    if (!message.senderId().equals(actor.userId())) {
      return forbidden("only the sender may edit a message");
    }
    MessageKind kind = message.kind();
    if (kind == MessageKind.SYSTEM || kind == MessageKind.STICKER || kind == MessageKind.VOICE) {
      return forbidden(kind + " messages cannot be edited");
    }
    if (message.forwarded() != null) {
      return forbidden("a forwarded message cannot be edited");
    }
    if (message.deletedForEveryone()) {
      return forbidden("a deleted message cannot be edited");
    }
    if (!withinWindow(actor, message, Limits.EDIT_WINDOW_MILLIS)) {
      return forbidden("a message can be edited only within " + hours(Limits.EDIT_WINDOW_MILLIS) + " of sending");
    }
    // Editing changes what others read, so a member who may no longer post may no longer edit either.
    return send(actor);
  }

  private static Denial deleteForEveryone(Actor actor, Target.OfMessage target) {
    Message message = target.message();
    if (message.kind() == MessageKind.SYSTEM) {
      return forbidden("system messages can be deleted only by a moderator");
    }
    boolean own = message.senderId().equals(actor.userId());
    if (actor.conversation().isGroup()) {
      if (actor.role() == MemberRole.OWNER) {
        return null;
      }
      if (actor.role() == MemberRole.ADMIN) {
        MemberRole senderRole = target.senderRole();
        if (own || senderRole == null || senderRole == MemberRole.MEMBER) {
          return null;
        }
        return forbidden("admins may delete only their own and plain members' messages");
      }
    }
    if (!own) {
      return forbidden("you may delete only your own messages for everyone");
    }
    if (!withinWindow(actor, message, Limits.DELETE_FOR_EVERYONE_WINDOW_MILLIS)) {
      return forbidden("a message can be deleted for everyone only within "
          + hours(Limits.DELETE_FOR_EVERYONE_WINDOW_MILLIS) + " of sending");
    }
    return null;
  }

  private static Denial react(Message message) {
    if (message.deletedForEveryone()) {
      return forbidden("a deleted message cannot get reactions");
    }
    if (message.kind() == MessageKind.SYSTEM) {
      return forbidden("system messages cannot get reactions");
    }
    return null;
  }

  private static Denial pin(Actor actor, Message message) {
    if (message.deletedForEveryone()) {
      return forbidden("a deleted message cannot be pinned");
    }
    if (!actor.conversation().isGroup()) {
      return null;
    }
    return audience(actor, actor.conversation().settings().pinMessages(), "pin messages");
  }

  private static Denial removeMember(Actor actor, Target.OfMember target, boolean moderator) {
    if (!actor.conversation().isGroup()) {
      return notInDirect("remove members");
    }
    if (target.userId().equals(actor.userId())) {
      return forbidden("you cannot remove yourself; leave the group instead");
    }
    if (target.role() == null) {
      return new Denial(ErrorCode.NOT_FOUND, "user " + target.userId() + " is not a member of this group");
    }
    if (target.role() == MemberRole.OWNER) {
      return forbidden("nobody can remove the owner of a group");
    }
    if (moderator || actor.role() == MemberRole.OWNER) {
      return null;
    }
    if (actor.role() == MemberRole.ADMIN && target.role() == MemberRole.MEMBER) {
      return null;
    }
    return forbidden(actor.role() == MemberRole.ADMIN ? "admins may remove only plain members"
        : "only admins and the owner may remove members");
  }

  private static Denial changeRole(Actor actor, Action action, Target.OfMember target) {
    if (!actor.conversation().isGroup()) {
      return notInDirect("change roles");
    }
    if (actor.role() != MemberRole.OWNER) {
      return forbidden("only the owner may change roles or hand over the group");
    }
    if (target.userId().equals(actor.userId())) {
      return forbidden(action == Action.TRANSFER_OWNERSHIP ? "you already own this group"
          : "the owner's own role changes only by transferring ownership");
    }
    if (target.role() == null) {
      return new Denial(ErrorCode.NOT_FOUND, "user " + target.userId() + " is not a member of this group");
    }
    return null;
  }

  private static Denial leave(Actor actor) {
    if (!actor.conversation().isGroup()) {
      return forbidden("a direct conversation cannot be left; hide it instead");
    }
    if (actor.role() == MemberRole.OWNER && actor.memberCount() > 1) {
      return forbidden("transfer ownership to another member before leaving");
    }
    return null;
  }

  private static Denial audience(Actor actor, Audience audience, String what) {
    return switch (audience) {
      case MEMBERS -> null;
      case ADMINS -> actor.role().atLeast(MemberRole.ADMIN) ? null
          : forbidden("only admins and the owner may " + what + " in this group");
      case OWNER -> actor.role() == MemberRole.OWNER ? null : forbidden("only the owner may " + what + " in this group");
    };
  }

  private static Denial inGroup(Actor actor, Audience audience, String what) {
    return actor.conversation().isGroup() ? audience(actor, audience, what) : notInDirect(what);
  }

  private static Denial notInDirect(String what) {
    return forbidden("you cannot " + what + " in a direct conversation");
  }

  private static boolean withinWindow(Actor actor, Message message, long windowMillis) {
    // A negative age (server clocks disagreeing) counts as "just sent".
    return actor.nowMillis() - message.sentAtMillis() <= windowMillis;
  }

  private static String hours(long millis) {
    return millis / 3_600_000 + " hours";
  }

  private static Target.OfMessage messageTarget(Action action, Target target) {
    if (target instanceof Target.OfMessage message) {
      return message;
    }
    throw new IllegalArgumentException(action + " needs a message target, got " + target);
  }

  private static Message message(Action action, Target target) {
    return messageTarget(action, target).message();
  }

  private static Target.OfMember member(Action action, Target target) {
    if (target instanceof Target.OfMember member) {
      return member;
    }
    throw new IllegalArgumentException(action + " needs a member target, got " + target);
  }

  private static Denial forbidden(String message) {
    return new Denial(ErrorCode.FORBIDDEN, message);
  }
}
