package io.senchat.store.conversation;

import io.senchat.domain.conversation.ConversationId;
import io.senchat.domain.conversation.Member;
import io.senchat.domain.conversation.MemberRole;
import io.senchat.domain.user.UserId;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Group membership and roles; every change is checked against {@code actor}'s role in the same transaction. */
public interface MembershipStore {

  /**
   * Adds users to a group (existing members are skipped) and returns those added. Needs the role the group's
   * {@code addMembers} setting asks for; VALIDATION when the group would exceed 500 members.
   */
  List<Member> add(ConversationId id, UserId actor, Collection<UserId> users);

  /**
   * Removes {@code user}; when {@code actor} is {@code user} this is leaving. Removing someone else needs a higher
   * role than theirs. When the owner goes, the longest-standing admin (else member) becomes owner.
   */
  void remove(ConversationId id, UserId actor, UserId user);

  /** Sets a member's role; owner only. Making someone OWNER transfers ownership and makes the old owner an ADMIN. */
  Member setRole(ConversationId id, UserId actor, UserId user, MemberRole role);

  Optional<Member> find(ConversationId id, UserId user);

  /** All members, owner first, then admins, then by join time. */
  List<Member> list(ConversationId id);

  /**
   * Those of {@code candidates} who are a member of at least one conversation {@code user} is a member of (the people
   * whose presence {@code user} may watch); {@code user} is included when a candidate and a member anywhere.
   */
  Set<UserId> sharingAConversation(UserId user, Collection<UserId> candidates);
}
