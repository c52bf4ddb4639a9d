package io.senchat.store.internal;

import io.senchat.domain.conversation.Audience;
import io.senchat.domain.conversation.MemberRole;

/** Role arithmetic the store needs to check permissions inside the transaction that acts on them. */
public final class Roles {

  private Roles() {
  }

  /** The least powerful role that a group setting lets act. */
  public static MemberRole required(Audience audience) {
    return switch (audience) {
      case MEMBERS -> MemberRole.MEMBER;
      case ADMINS -> MemberRole.ADMIN;
      case OWNER -> MemberRole.OWNER;
    };
  }
}
