package io.senchat.domain.permission;

import io.senchat.domain.conversation.MemberRole;
import io.senchat.domain.message.Message;
import io.senchat.domain.user.UserId;

/** What an {@link Action} applies to: nothing, a message, or a member. */
public sealed interface Target permits Target.None, Target.OfMessage, Target.OfMember {

  /** For actions on the conversation itself. */
  Target NONE = new None();

  static Target message(Message message, MemberRole senderRole) {
    return new OfMessage(message, senderRole);
  }

  static Target member(UserId userId, MemberRole role) {
    return new OfMember(userId, role);
  }

  /** No target. */
  record None() implements Target {
  }

  /**
   * A message and its sender's current role, which decides whether an admin may recall it.
   *
   * @param senderRole {@code null} when the sender is no longer a member
   */
  record OfMessage(Message message, MemberRole senderRole) implements Target {

    public OfMessage {
      if (message == null) {
        throw new IllegalArgumentException("target message must not be null");
      }
    }
  }

  /**
   * A user the action applies to.
   *
   * @param role {@code null} when the user is not a member
   */
  record OfMember(UserId userId, MemberRole role) implements Target {

    public OfMember {
      if (userId == null) {
        throw new IllegalArgumentException("target user must not be null");
      }
    }
  }
}
