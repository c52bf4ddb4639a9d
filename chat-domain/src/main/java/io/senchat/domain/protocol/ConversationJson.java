package io.senchat.domain.protocol;

import io.senchat.domain.common.ChatException;
import io.senchat.domain.common.ErrorCode;
import io.senchat.domain.conversation.Audience;
import io.senchat.domain.conversation.Conversation;
import io.senchat.domain.conversation.ConversationKind;
import io.senchat.domain.conversation.GroupSettings;
import io.senchat.domain.conversation.MemberRole;
import io.senchat.domain.conversation.MemberState;
import io.senchat.domain.protocol.json.JsonObject;
import io.senchat.domain.protocol.json.JsonValue;

/** JSON form of {@link Conversation} and {@link MemberState}, shared by the protocol and the REST API. */
public final class ConversationJson {

  static final String ROLES = "member, admin, owner";
  private static final String KINDS = "direct, group";
  private static final String AUDIENCES = "members, admins, owner";

  private ConversationJson() {
  }

  /** The JSON object of a conversation. */
  public static JsonObject toJson(Conversation conversation) {
    GroupSettings settings = conversation.settings();
    return JsonObject.builder()
        .put("id", Wire.number(conversation.id().value()))
        .put("kind", conversation.kind() == ConversationKind.GROUP ? "group" : "direct")
        .put("title", conversation.title())
        .put("avatarUrl", conversation.avatarUrl())
        .put("settings", JsonObject.builder()
            .put("post", audienceName(settings.post()))
            .put("addMembers", audienceName(settings.addMembers()))
            .put("pinMessages", audienceName(settings.pinMessages()))
            .put("changeInfo", audienceName(settings.changeInfo()))
            .build())
        .put("createdBy", Wire.number(conversation.createdBy().value()))
        .put("lastSeq", Wire.number(conversation.lastSeq()))
        .put("createdAtMillis", Wire.nonNegative("createdAtMillis", conversation.createdAtMillis()))
        .build();
  }

  /** The conversation of a JSON object; a {@link ChatException} with {@link ErrorCode#BAD_FRAME} when malformed. */
  public static Conversation conversationFromJson(JsonValue json) {
    try {
      return readConversation(json, "conversation");
    } catch (IllegalArgumentException e) {
      throw Wire.badFrame("conversation", e);
    }
  }

  static Conversation readConversation(JsonValue json, String path) {
    FieldReader r = FieldReader.of(json, path);
    FieldReader settings = r.object("settings");
    return new Conversation(r.conversationId("id"),
        r.choice("kind", ConversationJson::kindOf, KINDS), r.string("title"), r.string("avatarUrl"),
        new GroupSettings(settings.choice("post", ConversationJson::audienceOf, AUDIENCES),
            settings.choice("addMembers", ConversationJson::audienceOf, AUDIENCES),
            settings.choice("pinMessages", ConversationJson::audienceOf, AUDIENCES),
            settings.choice("changeInfo", ConversationJson::audienceOf, AUDIENCES)),
        r.userId("createdBy"), r.nonNegative("lastSeq"), r.nonNegative("createdAtMillis"));
  }

  /**
   * The JSON object of a member state. {@link MemberState#MUTED_FOREVER} is written as 2^53 - 1, the largest
   * integer a JavaScript client reads exactly, and read back as {@code MUTED_FOREVER}.
   */
  public static JsonObject toJson(MemberState state) {
    long mutedUntil = state.mutedUntilMillis() >= ProtocolLimits.MAX_SAFE_INTEGER
        ? ProtocolLimits.MAX_SAFE_INTEGER : state.mutedUntilMillis();
    return JsonObject.builder()
        .put("conversationId", Wire.number(state.conversationId().value()))
        .put("userId", Wire.number(state.userId().value()))
        .put("pinned", state.pinned())
        .put("mutedUntilMillis", Wire.nonNegative("mutedUntilMillis", mutedUntil))
        .put("archived", state.archived())
        .put("hidden", state.hidden())
        .put("lastDeliveredSeq", Wire.number(state.lastDeliveredSeq()))
        .put("lastReadSeq", Wire.number(state.lastReadSeq()))
        .put("clearedThroughSeq", Wire.number(state.clearedThroughSeq()))
        .build();
  }

  /** The member state of a JSON object; a {@link ChatException} with {@link ErrorCode#BAD_FRAME} when malformed. */
  public static MemberState memberStateFromJson(JsonValue json) {
    try {
      return readMemberState(json, "memberState");
    } catch (IllegalArgumentException e) {
      throw Wire.badFrame("memberState", e);
    }
  }

  static MemberState readMemberState(JsonValue json, String path) {
    FieldReader r = FieldReader.of(json, path);
    long mutedUntil = r.nonNegative("mutedUntilMillis");
    return new MemberState(r.conversationId("conversationId"), r.userId("userId"), r.bool("pinned"),
        mutedUntil == ProtocolLimits.MAX_SAFE_INTEGER ? MemberState.MUTED_FOREVER : mutedUntil,
        r.bool("archived"), r.bool("hidden"), r.nonNegative("lastDeliveredSeq"), r.nonNegative("lastReadSeq"),
        r.nonNegative("clearedThroughSeq"));
  }

  static String roleName(MemberRole role) {
    return switch (role) {
      case MEMBER -> "member";
      case ADMIN -> "admin";
      case OWNER -> "owner";
    };
  }

  static MemberRole roleOf(String wireName) {
    return switch (wireName) {
      case "member" -> MemberRole.MEMBER;
      case "admin" -> MemberRole.ADMIN;
      case "owner" -> MemberRole.OWNER;
      default -> null;
    };
  }

  private static ConversationKind kindOf(String wireName) {
    return switch (wireName) {
      case "direct" -> ConversationKind.DIRECT;
      case "group" -> ConversationKind.GROUP;
      default -> null;
    };
  }

  private static String audienceName(Audience audience) {
    return switch (audience) {
      case MEMBERS -> "members";
      case ADMINS -> "admins";
      case OWNER -> "owner";
    };
  }

  private static Audience audienceOf(String wireName) {
    return switch (wireName) {
      case "members" -> Audience.MEMBERS;
      case "admins" -> Audience.ADMINS;
      case "owner" -> Audience.OWNER;
      default -> null;
    };
  }
}
