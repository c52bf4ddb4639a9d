package io.senchat.server.membership;

import io.senchat.domain.conversation.Conversation;
import io.senchat.domain.conversation.Member;
import io.senchat.domain.conversation.MemberRole;
import io.senchat.domain.user.UserId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A conversation and its members with their roles, as the real-time core authorises and fans out with it.
 *
 * @param conversation the conversation's shared state (its {@code lastSeq} may be stale: never use it for ordering)
 * @param roles each member's role
 * @param userIds the members, for iteration without hashing
 */
public record ConversationMembers(Conversation conversation, Map<UserId, MemberRole> roles, List<UserId> userIds) {

  public ConversationMembers {
    if (conversation == null || roles == null || userIds == null) {
      throw new IllegalArgumentException("conversation members fields must not be null");
    }
    roles = Map.copyOf(roles);
    userIds = List.copyOf(userIds);
  }

  /** The members of {@code conversation} as the store lists them. */
  public static ConversationMembers of(Conversation conversation, List<Member> members) {
    Map<UserId, MemberRole> roles = new HashMap<>(members.size() * 2);
    List<UserId> ids = new ArrayList<>(members.size());
    for (Member member : members) {
      roles.put(member.userId(), member.role());
      ids.add(member.userId());
    }
    return new ConversationMembers(conversation, roles, ids);
  }

  /** The user's role, or {@code null} when not a member. */
  public MemberRole roleOf(UserId userId) {
    return roles.get(userId);
  }

  public boolean isMember(UserId userId) {
    return roles.containsKey(userId);
  }

  public int count() {
    return userIds.size();
  }
}
