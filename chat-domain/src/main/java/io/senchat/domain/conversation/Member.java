package io.senchat.domain.conversation;

import io.senchat.domain.user.UserId;

/** A user's membership in a conversation. Members of direct conversations are all {@link MemberRole#MEMBER}. */
public record Member(ConversationId conversationId, UserId userId, MemberRole role, long joinedAtMillis) {

  public Member {
    if (conversationId == null || userId == null || role == null) {
      throw new IllegalArgumentException("member fields must not be null");
    }
  }

  public Member withRole(MemberRole newRole) {
    return new Member(conversationId, userId, newRole, joinedAtMillis);
  }
}
