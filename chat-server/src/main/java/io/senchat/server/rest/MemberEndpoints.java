package io.senchat.server.rest;

import io.senchat.domain.common.ChatException;
import io.senchat.domain.common.ErrorCode;
import io.senchat.domain.conversation.Conversation;
import io.senchat.domain.conversation.ConversationId;
import io.senchat.domain.conversation.Member;
import io.senchat.domain.conversation.MemberRole;
import io.senchat.domain.permission.Action;
import io.senchat.domain.permission.Actor;
import io.senchat.domain.permission.Permissions;
import io.senchat.domain.permission.Target;
import io.senchat.domain.protocol.MemberChange;
import io.senchat.domain.protocol.json.JsonArray;
import io.senchat.domain.protocol.json.JsonObject;
import io.senchat.domain.rules.GroupValidator;
import io.senchat.domain.user.UserId;
import io.senchat.domain.user.UserProfile;
import io.senchat.store.ChatStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Group membership: list, add, remove, change roles, leave; every change is authorised by the domain's rules. */
final class MemberEndpoints {

  private final ChatStore store;
  private final ConversationAccess access;
  private final LiveUpdates live;

  MemberEndpoints(ChatStore store, ConversationAccess access, LiveUpdates live) {
    this.store = store;
    this.access = access;
    this.live = live;
  }

  /**
   * {@code GET /api/conversations/{id}/members}: members only; owner first, then admins, then by join time; with every
   * member's receipt marks, so that a client opening the conversation shows "delivered"/"read" without waiting for
   * the next receipt event.
   */
  Reply list(ApiRequest request) {
    ConversationId id = request.conversationId();
    access.requireMember(id, request.user());
    List<Member> members = store.memberships().list(id);
    JsonArray receipts = RestJson.array(store.receipts().marks(id), marks -> JsonObject.builder()
        .put("userId", marks.userId().value())
        .put("deliveredSeq", marks.deliveredSeq())
        .put("readSeq", marks.readSeq())
        .build());
    return Reply.ok(JsonObject.builder().put("members", membersJson(members)).put("receipts", receipts).build());
  }

  /** {@code POST /api/conversations/{id}/members {userIds}}: adds those not yet members; 422 beyond 500. */
  Reply add(ApiRequest request) {
    ConversationId id = request.conversationId();
    Set<UserId> wanted = new LinkedHashSet<>(request.body().userIds("userIds"));
    List<Member> members = store.memberships().list(id);
    Actor actor = access.actor(id, request.user(), members);
    Permissions.check(actor, Action.ADD_MEMBERS);
    Set<UserId> current = new HashSet<>();
    for (Member member : members) {
      current.add(member.userId());
    }
    wanted.removeAll(current);
    if (wanted.isEmpty()) {
      return Reply.ok(JsonObject.builder().put("added", JsonArray.EMPTY).build());
    }
    GroupValidator.validateAddMembers(members.size(), wanted.size());
    if (store.users().findAll(wanted).size() != wanted.size()) {
      throw new ChatException(ErrorCode.NOT_FOUND, "userIds: some of these users do not exist");
    }
    List<Member> added = store.memberships().add(id, request.user(), wanted);
    Conversation conversation = actor.conversation();
    for (Member member : added) {
      live.memberChanged(id, member.userId(), member.role(), MemberChange.ADDED);
      live.conversationVisibleTo(member.userId(), conversation);
    }
    return Reply.ok(JsonObject.builder().put("added", membersJson(added)).build());
  }

  /** {@code DELETE /api/conversations/{id}/members/{userId}}: admins remove members, the owner anyone else. */
  Reply remove(ApiRequest request) {
    ConversationId id = request.conversationId();
    UserId target = UserId.of(request.pathId("userId"));
    List<Member> members = store.memberships().list(id);
    Actor actor = access.actor(id, request.user(), members);
    Permissions.check(actor, Action.REMOVE_MEMBER, Target.member(target,
        ConversationAccess.roleOf(members, target)));
    store.memberships().remove(id, request.user(), target);
    live.memberChanged(id, target, null, MemberChange.REMOVED);
    return Reply.noContent();
  }

  /** {@code PATCH /api/conversations/{id}/members/{userId} {role}}: owner only; {@code owner} hands the group over. */
  Reply setRole(ApiRequest request) {
    ConversationId id = request.conversationId();
    UserId target = UserId.of(request.pathId("userId"));
    String roleName = request.body().string("role");
    MemberRole role = RestJson.roleOf(roleName);
    if (role == null) {
      throw JsonFields.bad("body.role", "must be one of member, admin, owner");
    }
    List<Member> members = store.memberships().list(id);
    Actor actor = access.actor(id, request.user(), members);
    Action action = switch (role) {
      case MEMBER -> Action.DEMOTE_TO_MEMBER;
      case ADMIN -> Action.PROMOTE_TO_ADMIN;
      case OWNER -> Action.TRANSFER_OWNERSHIP;
    };
    Permissions.check(actor, action, Target.member(target, ConversationAccess.roleOf(members, target)));
    Member updated = store.memberships().setRole(id, request.user(), target, role);
    live.memberChanged(id, target, updated.role(), MemberChange.ROLE);
    if (role == MemberRole.OWNER) {
      // The previous owner became an admin in the same transaction.
      store.memberships().find(id, request.user()).ifPresent(previous ->
          live.memberChanged(id, previous.userId(), previous.role(), MemberChange.ROLE));
    }
    UserProfile profile = store.users().find(target).orElse(null);
    return Reply.ok(JsonObject.builder().put("member", RestJson.member(updated, profile)).build());
  }

  /** {@code POST /api/conversations/{id}/leave}: the owner must hand the group over first unless alone. */
  Reply leave(ApiRequest request) {
    ConversationId id = request.conversationId();
    List<Member> members = store.memberships().list(id);
    Actor actor = access.actor(id, request.user(), members);
    Permissions.check(actor, Action.LEAVE);
    store.memberships().remove(id, request.user(), request.user());
    live.memberChanged(id, request.user(), null, MemberChange.REMOVED);
    return Reply.noContent();
  }

  private JsonArray membersJson(List<Member> members) {
    List<UserId> ids = new ArrayList<>(members.size());
    for (Member member : members) {
      ids.add(member.userId());
    }
    Map<UserId, UserProfile> profiles = new HashMap<>();
    for (UserProfile profile : store.users().findAll(ids)) {
      profiles.put(profile.id(), profile);
    }
    return RestJson.array(members, member -> RestJson.member(member, profiles.get(member.userId())));
  }

  @Override
  public String toString() {
    return "MemberEndpoints";
  }
}
