package io.senchat.server.rest;

import io.senchat.domain.conversation.Member;
import io.senchat.domain.conversation.MemberRole;
import io.senchat.domain.protocol.ConversationJson;
import io.senchat.domain.protocol.MessageJson;
import io.senchat.domain.protocol.json.JsonArray;
import io.senchat.domain.protocol.json.JsonObject;
import io.senchat.domain.protocol.json.JsonValue;
import io.senchat.domain.user.SystemRole;
import io.senchat.domain.user.UserId;
import io.senchat.domain.user.UserProfile;
import io.senchat.store.conversation.ConversationSummary;
import io.senchat.store.message.MessagePage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * JSON forms the REST API adds to the protocol's: users, members, list rows, pages. Conversations, member states
 * and messages are written by the protocol's own {@link ConversationJson} and {@link MessageJson}, so a client
 * parses them with the same code whichever way they arrive.
 */
final class RestJson {

  private RestJson() {}

  static JsonObject user(UserProfile profile) {
    return JsonObject.builder()
        .put("id", profile.id().value())
        .put("username", profile.username())
        .put("displayName", profile.displayName())
        .put("avatarUrl", profile.avatarUrl())
        .put("statusText", profile.statusText())
        .put("systemRole", profile.role() == SystemRole.SUPER_ADMIN ? "super_admin" : "user")
        .build();
  }

  static String roleName(MemberRole role) {
    return switch (role) {
      case MEMBER -> "member";
      case ADMIN -> "admin";
      case OWNER -> "owner";
    };
  }

  /** The role with this wire name, or {@code null}. */
  static MemberRole roleOf(String name) {
    return switch (name) {
      case "member" -> MemberRole.MEMBER;
      case "admin" -> MemberRole.ADMIN;
      case "owner" -> MemberRole.OWNER;
      default -> null;
    };
  }

  /** A member, with the profile when known (a deleted account has none). */
  static JsonObject member(Member member, UserProfile profile) {
    JsonObject.Builder json = JsonObject.builder()
        .put("userId", member.userId().value())
        .put("role", roleName(member.role()))
        .put("joinedAtMillis", member.joinedAtMillis());
    if (profile != null) {
      json.put("user", user(profile));
    }
    return json.build();
  }

  /** One row of the conversation list; {@code peers} holds the profiles of direct conversations' other members. */
  static JsonObject summary(ConversationSummary summary, Map<UserId, UserProfile> peers) {
    JsonObject.Builder json = JsonObject.builder()
        .put("conversation", ConversationJson.toJson(summary.conversation()))
        .put("role", roleName(summary.role()))
        .put("memberState", ConversationJson.toJson(summary.state()))
        .put("memberCount", summary.memberCount())
        .put("unreadCount", summary.unreadCount())
        .put("lastActivityMillis", summary.lastActivityMillis());
    if (summary.peer() != null && peers.containsKey(summary.peer())) {
      json.put("peer", user(peers.get(summary.peer())));
    }
    if (summary.lastMessage() != null) {
      json.put("lastMessage", MessageJson.toJson(summary.lastMessage()));
    }
    return json.build();
  }

  /** A history slice, shaped like the protocol's {@code history.page} data. */
  static JsonObject page(long conversationId, MessagePage page) {
    return JsonObject.builder()
        .put("conversationId", conversationId)
        .put("messages", array(page.messages(), MessageJson::toJson))
        .put("hasMoreBefore", page.hasOlder())
        .put("hasMoreAfter", page.hasNewer())
        .build();
  }

  static <T> JsonArray array(List<T> items, Function<T, ? extends JsonValue> toJson) {
    List<JsonValue> values = new ArrayList<>(items.size());
    for (T item : items) {
      values.add(toJson.apply(item));
    }
    return new JsonArray(values);
  }
}
