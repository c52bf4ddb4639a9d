package io.senchat.web.app;

import io.senchat.domain.conversation.Conversation;
import io.senchat.domain.conversation.ConversationId;
import io.senchat.domain.conversation.MemberRole;
import io.senchat.domain.conversation.MemberState;
import io.senchat.domain.message.Message;
import io.senchat.domain.protocol.ConversationJson;
import io.senchat.domain.protocol.MessageJson;
import io.senchat.domain.protocol.ServerFrame.ReceiptEvent;
import io.senchat.domain.protocol.json.JsonObject;
import io.senchat.domain.protocol.json.JsonValue;
import io.senchat.domain.user.UserId;
import io.senchat.domain.user.UserProfile;
import io.senchat.web.rest.Json;
import io.senchat.web.state.ConvEntry;
import io.senchat.web.state.MemberInfo;
import java.util.ArrayList;
import java.util.List;

/** Turns REST answers into state values with the protocol's own parsers for conversations and messages. */
final class ConversationParsing {

  private ConversationParsing() {}

  static MemberRole role(String wire) {
    return switch (wire) {
      case "owner" -> MemberRole.OWNER;
      case "admin" -> MemberRole.ADMIN;
      default -> MemberRole.MEMBER;
    };
  }

  static String roleName(MemberRole role) {
    return switch (role) {
      case OWNER -> "owner";
      case ADMIN -> "admin";
      case MEMBER -> "member";
    };
  }

  /** A conversation view (or list row); {@code null} when it cannot be read. */
  static ConvEntry entry(JsonValue value) {
    if (!(value instanceof JsonObject o)) {
      return null;
    }
    try {
      Conversation c = ConversationJson.conversationFromJson(o.get("conversation"));
      MemberState state = ConversationJson.memberStateFromJson(o.get("memberState"));
      Message last = o.get("lastMessage") instanceof JsonObject m ? MessageJson.fromJson(m) : null;
      long activity = Json.num(o, "lastActivityMillis",
          last != null ? last.sentAtMillis() : c.createdAtMillis());
      return new ConvEntry(c, role(Json.str(o, "role", "member")), state, (int) Json.num(o, "memberCount", 0),
          Json.num(o, "unreadCount", 0), last, Json.user(o.get("peer")), activity);
    } catch (RuntimeException unreadable) {
      return null;
    }
  }

  static List<Message> messages(JsonObject page) {
    List<Message> list = new ArrayList<>();
    for (JsonValue v : Json.arr(page, "messages")) {
      try {
        list.add(MessageJson.fromJson(v));
      } catch (RuntimeException unreadable) {
        // One unreadable message must not hide the page.
      }
    }
    return list;
  }

  static List<MemberInfo> members(JsonObject answer, String arrayName) {
    List<MemberInfo> list = new ArrayList<>();
    for (JsonValue v : Json.arr(answer, arrayName)) {
      if (v instanceof JsonObject m && Json.num(m, "userId", 0) > 0) {
        list.add(member(m));
      }
    }
    return list;
  }

  /** The {@code receipts} of a members answer as receipt events, so they take the same (forward-only) path. */
  static List<ReceiptEvent> receipts(ConversationId id, JsonObject answer) {
    List<ReceiptEvent> list = new ArrayList<>();
    for (JsonValue v : Json.arr(answer, "receipts")) {
      if (v instanceof JsonObject r && Json.num(r, "userId", 0) > 0) {
        long delivered = Math.max(0, Json.num(r, "deliveredSeq", 0));
        long read = Math.max(0, Math.min(delivered, Json.num(r, "readSeq", 0)));
        list.add(new ReceiptEvent(id, UserId.of(Json.num(r, "userId", 0)), delivered, read));
      }
    }
    return list;
  }

  static MemberInfo member(JsonObject m) {
    UserProfile user = Json.user(m.get("user"));
    return new MemberInfo(UserId.of(Json.num(m, "userId", 0)), role(Json.str(m, "role", "member")), user);
  }

  static List<UserProfile> users(JsonObject answer) {
    List<UserProfile> list = new ArrayList<>();
    for (JsonValue v : Json.arr(answer, "users")) {
      UserProfile u = Json.user(v);
      if (u != null) {
        list.add(u);
      }
    }
    return list;
  }
}
