package io.senchat.server.rest;

import io.senchat.domain.common.ChatException;
import io.senchat.domain.common.ErrorCode;
import io.senchat.domain.conversation.Audience;
import io.senchat.domain.conversation.Conversation;
import io.senchat.domain.conversation.ConversationId;
import io.senchat.domain.conversation.GroupSettings;
import io.senchat.domain.conversation.Member;
import io.senchat.domain.conversation.MemberState;
import io.senchat.domain.permission.Action;
import io.senchat.domain.permission.Actor;
import io.senchat.domain.permission.Permissions;
import io.senchat.domain.protocol.ConversationJson;
import io.senchat.domain.protocol.json.JsonObject;
import io.senchat.domain.rules.GroupValidator;
import io.senchat.domain.user.UserId;
import io.senchat.domain.user.UserProfile;
import io.senchat.store.ChatStore;
import io.senchat.store.conversation.ConversationChange;
import io.senchat.store.conversation.ConversationCursor;
import io.senchat.store.conversation.ConversationFilter;
import io.senchat.store.conversation.ConversationPage;
import io.senchat.store.conversation.ConversationSummary;
import io.senchat.store.conversation.DirectConversation;
import io.senchat.store.conversation.MemberStateChange;
import io.senchat.store.conversation.NewGroup;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The caller's conversation list, creating conversations, group info and settings, and the caller's own view. */
final class ConversationEndpoints {

  static final int DEFAULT_PAGE = 30;
  /** {@code mutedUntilMillis} of "until I unmute" on the wire: 2^53 - 1, the largest exact JavaScript integer. */
  static final long MUTED_FOREVER_ON_WIRE = (1L << 53) - 1;

  private final ChatStore store;
  private final ConversationAccess access;
  private final LiveUpdates live;

  ConversationEndpoints(ChatStore store, ConversationAccess access, LiveUpdates live) {
    this.store = store;
    this.access = access;
    this.live = live;
  }

  /** {@code GET /api/conversations?filter=&cursor=&limit=}: pinned first, then by last activity. */
  Reply list(ApiRequest request) {
    ConversationFilter filter = filterOf(request.query("filter").orElse("inbox"));
    ConversationCursor cursor = null;
    if (request.query("cursor").isPresent()) {
      try {
        cursor = ConversationCursor.parse(request.query("cursor").get());
      } catch (IllegalArgumentException e) {
        throw new ChatException(ErrorCode.BAD_FRAME, "query parameter cursor is not a cursor of this list");
      }
    }
    ConversationPage page = store.conversations().list(request.user(), filter, cursor,
        request.limit(DEFAULT_PAGE, 100));
    List<UserId> peerIds = new ArrayList<>();
    for (ConversationSummary summary : page.items()) {
      if (summary.peer() != null) {
        peerIds.add(summary.peer());
      }
    }
    Map<UserId, UserProfile> peers = new HashMap<>();
    for (UserProfile profile : store.users().findAll(peerIds)) {
      peers.put(profile.id(), profile);
    }
    JsonObject.Builder json = JsonObject.builder()
        .put("conversations", RestJson.array(page.items(), summary -> RestJson.summary(summary, peers)));
    if (page.next() != null) {
      json.put("nextCursor", page.next().token());
    }
    return Reply.ok(json.build());
  }

  /** {@code POST /api/conversations/direct {userId}}: 201 when created, 200 when it already existed. */
  Reply openDirect(ApiRequest request) {
    UserId other = UserId.of(request.body().id("userId"));
    if (store.users().find(other).isEmpty()) {
      throw new ChatException(ErrorCode.NOT_FOUND, "no user " + other.value());
    }
    DirectConversation direct = store.conversations().openDirect(request.user(), other);
    if (direct.created()) {
      live.conversationUpdated(direct.conversation());
    }
    JsonObject view = view(direct.conversation().id(), request.user());
    return direct.created() ? Reply.created(view) : Reply.ok(view);
  }

  /** {@code POST /api/conversations/group {title, memberIds, avatarUrl?, settings?}}: the caller owns it. */
  Reply createGroup(ApiRequest request) {
    JsonFields body = request.body();
    String title = body.string("title").strip();
    GroupValidator.validateTitle(title);
    Set<UserId> members = new LinkedHashSet<>(body.userIds("memberIds"));
    members.remove(request.user());
    GroupValidator.validateNewGroupSize(members.size() + 1);
    String avatarUrl = body.optString("avatarUrl").orElse("");
    Urls.validateImageUrl("avatarUrl", avatarUrl);
    GroupSettings settings = body.optObject("settings")
        .map(json -> settings(json, GroupSettings.DEFAULTS)).orElse(GroupSettings.DEFAULTS);
    if (store.users().findAll(members).size() != members.size()) {
      throw new ChatException(ErrorCode.NOT_FOUND, "memberIds: some of these users do not exist");
    }
    Conversation group = store.conversations().createGroup(
        new NewGroup(request.user(), title, avatarUrl, settings, List.copyOf(members)));
    live.conversationUpdated(group);
    return Reply.created(view(group.id(), request.user()));
  }

  /** {@code GET /api/conversations/{id}}: members only. */
  Reply get(ApiRequest request) {
    ConversationId id = request.conversationId();
    access.requireMember(id, request.user());
    return Reply.ok(view(id, request.user()));
  }

  /** {@code PATCH /api/conversations/{id} {title?, avatarUrl?, settings?}}: per the group's rules. */
  Reply update(ApiRequest request) {
    ConversationId id = request.conversationId();
    JsonFields body = request.body();
    String title = body.optString("title").map(String::strip).orElse(null);
    String avatarUrl = body.optString("avatarUrl").orElse(null);
    if (title == null && avatarUrl == null && !body.has("settings")) {
      throw new ChatException(ErrorCode.BAD_FRAME, "body: set at least one of title, avatarUrl, settings");
    }
    Actor actor = access.actor(id, request.user(), null);
    if (title != null || avatarUrl != null) {
      Permissions.check(actor, Action.CHANGE_INFO);
    }
    GroupSettings settings = null;
    if (body.has("settings")) {
      Permissions.check(actor, Action.CHANGE_SETTINGS);
      settings = settings(body.optObject("settings").orElseThrow(), actor.conversation().settings());
    }
    if (title != null) {
      GroupValidator.validateTitle(title);
    }
    if (avatarUrl != null) {
      Urls.validateImageUrl("avatarUrl", avatarUrl);
    }
    Conversation updated = store.conversations().update(id, request.user(),
        new ConversationChange(title, avatarUrl, settings));
    live.conversationUpdated(updated);
    return Reply.ok(view(id, request.user()));
  }

  /**
   * {@code PATCH /api/conversations/{id}/state {pinned?, mutedUntilMillis?, archived?, hidden?}}: the caller's own
   * view, shared by their devices.
   */
  Reply updateState(ApiRequest request) {
    ConversationId id = request.conversationId();
    JsonFields body = request.body();
    Long mutedUntil = body.optNonNegative("mutedUntilMillis")
        .map(millis -> millis >= MUTED_FOREVER_ON_WIRE ? MemberState.MUTED_FOREVER : millis).orElse(null);
    MemberStateChange change = new MemberStateChange(body.optBool("pinned").orElse(null), mutedUntil,
        body.optBool("archived").orElse(null), body.optBool("hidden").orElse(null));
    if (change.pinned() == null && change.mutedUntilMillis() == null && change.archived() == null
        && change.hidden() == null) {
      throw new ChatException(ErrorCode.BAD_FRAME, "body: set at least one of pinned, mutedUntilMillis, archived, "
          + "hidden");
    }
    access.requireMember(id, request.user());
    MemberState state = store.memberStates().update(id, request.user(), change);
    live.memberState(state);
    return Reply.ok(JsonObject.builder().put("memberState", ConversationJson.toJson(state)).build());
  }

  /** The conversation as the caller sees it: shared state, their role and own state, the member count. */
  JsonObject view(ConversationId id, UserId user) {
    Conversation conversation = access.conversation(id);
    List<Member> members = store.memberships().list(id);
    Member self = members.stream().filter(m -> m.userId().equals(user)).findFirst()
        .orElseThrow(() -> new ChatException(ErrorCode.NOT_MEMBER, "you are not a member of conversation "
            + id.value()));
    MemberState state = store.memberStates().find(id, user).orElse(MemberState.initial(id, user));
    return JsonObject.builder()
        .put("conversation", ConversationJson.toJson(conversation))
        .put("role", RestJson.roleName(self.role()))
        .put("memberState", ConversationJson.toJson(state))
        .put("memberCount", members.size())
        .build();
  }

  private static ConversationFilter filterOf(String name) {
    return switch (name.toLowerCase(Locale.ROOT)) {
      case "inbox" -> ConversationFilter.INBOX;
      case "archived" -> ConversationFilter.ARCHIVED;
      case "hidden" -> ConversationFilter.HIDDEN;
      case "all" -> ConversationFilter.ALL;
      default -> throw new ChatException(ErrorCode.BAD_FRAME,
          "query parameter filter must be one of inbox, archived, hidden, all");
    };
  }

  /** {@code current} with the members of {@code json} applied. */
  static GroupSettings settings(JsonFields json, GroupSettings current) {
    return new GroupSettings(audience(json, "post", current.post()),
        audience(json, "addMembers", current.addMembers()),
        audience(json, "pinMessages", current.pinMessages()),
        audience(json, "changeInfo", current.changeInfo()));
  }

  private static Audience audience(JsonFields json, String name, Audience current) {
    return json.optString(name).map(value -> switch (value) {
      case "members" -> Audience.MEMBERS;
      case "admins" -> Audience.ADMINS;
      case "owner" -> Audience.OWNER;
      default -> throw JsonFields.bad("body.settings." + name, "must be one of members, admins, owner");
    }).orElse(current);
  }

  @Override
  public String toString() {
    return "ConversationEndpoints";
  }
}
