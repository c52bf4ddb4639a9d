package io.senchat.domain.protocol;

import io.senchat.domain.common.ChatException;
import io.senchat.domain.common.ErrorCode;
import io.senchat.domain.message.Attachment;
import io.senchat.domain.message.Forwarded;
import io.senchat.domain.message.Mention;
import io.senchat.domain.message.Message;
import io.senchat.domain.message.MessageKind;
import io.senchat.domain.message.MessageRef;
import io.senchat.domain.message.Reaction;
import io.senchat.domain.protocol.json.JsonArray;
import io.senchat.domain.protocol.json.JsonNull;
import io.senchat.domain.protocol.json.JsonObject;
import io.senchat.domain.protocol.json.JsonValue;
import io.senchat.domain.user.UserId;
import java.util.ArrayList;
import java.util.List;

/**
 * JSON form of {@link Message} and its parts, shared by the protocol and the REST API. Fields holding their
 * "none" value ({@code ""}, 0, {@code false}, empty list, {@code null}) are omitted and read back as that value.
 */
public final class MessageJson {

  static final String KINDS = "text, sticker, voice, image, video, file, system";

  private MessageJson() {
  }

  /** The JSON object of a message. */
  public static JsonObject toJson(Message message) {
    JsonObject.Builder json = JsonObject.builder()
        .put("conversationId", Wire.number(message.conversationId().value()))
        .put("seq", Wire.number(message.seq()))
        .put("senderId", Wire.number(message.senderId().value()));
    if (!message.clientId().isEmpty()) {
      json.put("clientId", message.clientId());
    }
    json.put("kind", kindName(message.kind())).put("text", message.text());
    if (message.attachment() != null) {
      json.put("attachment", attachmentToJson(message.attachment()));
    }
    if (!message.stickerId().isEmpty()) {
      json.put("stickerId", message.stickerId());
    }
    if (message.replyToSeq() != 0) {
      json.put("replyToSeq", Wire.nonNegative("replyToSeq", message.replyToSeq()));
    }
    if (message.forwarded() != null) {
      json.put("forwarded", forwardedToJson(message.forwarded()));
    }
    if (!message.mentions().isEmpty()) {
      json.put("mentions", mentionsToJson(message.mentions()));
    }
    if (!message.reactions().isEmpty()) {
      List<JsonValue> reactions = new ArrayList<>();
      for (Reaction reaction : message.reactions()) {
        reactions.add(reactionToJson(reaction));
      }
      json.put("reactions", new JsonArray(reactions));
    }
    json.put("sentAtMillis", Wire.nonNegative("sentAtMillis", message.sentAtMillis()));
    if (message.editedAtMillis() != 0) {
      json.put("editedAtMillis", Wire.nonNegative("editedAtMillis", message.editedAtMillis()));
    }
    if (message.deletedForEveryone()) {
      json.put("deletedForEveryone", true);
    }
    return json.build();
  }

  /** The message of a JSON object; a {@link ChatException} with {@link ErrorCode#BAD_FRAME} when malformed. */
  public static Message fromJson(JsonValue json) {
    try {
      return read(json, "message");
    } catch (IllegalArgumentException e) {
      throw Wire.badFrame("message", e);
    }
  }

  static Message read(JsonValue json, String path) {
    FieldReader r = FieldReader.of(json, path);
    return new Message(r.conversationId("conversationId"), r.positive("seq"), r.userId("senderId"),
        r.optString("clientId"), r.choice("kind", MessageJson::kindOf, KINDS), r.string("text"),
        readAttachment(r.optObject("attachment")), r.optString("stickerId"), r.optNonNegative("replyToSeq"),
        readForwarded(r.optObject("forwarded")), readMentions(r), r.optList("reactions",
            ProtocolLimits.MAX_ENTRIES, MessageJson::readReaction), r.nonNegative("sentAtMillis"),
        r.optNonNegative("editedAtMillis"), r.optBool("deletedForEveryone"));
  }

  static JsonObject attachmentToJson(Attachment attachment) {
    JsonObject.Builder json = JsonObject.builder()
        .put("name", attachment.name())
        .put("mimeType", attachment.mimeType())
        .put("sizeBytes", Wire.nonNegative("sizeBytes", attachment.sizeBytes()));
    if (attachment.width() != 0) {
      json.put("width", Wire.nonNegative("width", attachment.width()));
    }
    if (attachment.height() != 0) {
      json.put("height", Wire.nonNegative("height", attachment.height()));
    }
    if (attachment.durationMillis() != 0) {
      json.put("durationMillis", Wire.nonNegative("durationMillis", attachment.durationMillis()));
    }
    json.put("url", attachment.url());
    if (!attachment.thumbnailUrl().isEmpty()) {
      json.put("thumbnailUrl", attachment.thumbnailUrl());
    }
    return json.build();
  }

  /** The attachment, or {@code null} when the reader is {@code null} (member absent). */
  static Attachment readAttachment(FieldReader r) {
    if (r == null) {
      return null;
    }
    return new Attachment(r.string("name"), r.string("mimeType"), r.nonNegative("sizeBytes"),
        r.optIntIn("width", 0, Integer.MAX_VALUE), r.optIntIn("height", 0, Integer.MAX_VALUE),
        r.optNonNegative("durationMillis"), r.string("url"), r.optString("thumbnailUrl"));
  }

  static JsonObject forwardedToJson(Forwarded forwarded) {
    return JsonObject.builder()
        .put("conversationId", Wire.number(forwarded.original().conversationId().value()))
        .put("seq", Wire.number(forwarded.original().seq()))
        .put("originalSenderId", Wire.number(forwarded.originalSender().value()))
        .build();
  }

  static Forwarded readForwarded(FieldReader r) {
    if (r == null) {
      return null;
    }
    return new Forwarded(new MessageRef(r.conversationId("conversationId"), r.positive("seq")),
        r.userId("originalSenderId"));
  }

  static JsonArray mentionsToJson(List<Mention> mentions) {
    List<JsonValue> json = new ArrayList<>();
    for (Mention mention : mentions) {
      // userId is written as null for @all rather than omitted: see readMention.
      json.add(JsonObject.builder()
          .put("userId", mention.isAll() ? JsonNull.INSTANCE : Wire.number(mention.userId().value()))
          .put("start", Wire.number(mention.start()))
          .put("length", Wire.number(mention.length()))
          .build());
    }
    return new JsonArray(json);
  }

  /** The optional {@code mentions} member of this object. */
  static List<Mention> readMentions(FieldReader r) {
    return r.optList("mentions", ProtocolLimits.MAX_ENTRIES, MessageJson::readMention);
  }

  // userId must be present: if a forgotten member meant @all, a client bug would notify the whole group.
  private static Mention readMention(JsonValue json, String path) {
    FieldReader r = FieldReader.of(json, path);
    if (!r.has("userId")) {
      throw FieldReader.bad(r.pathOf("userId"), "missing (use null for @all)");
    }
    JsonValue userId = r.optional("userId");
    return new Mention(userId == null ? null : FieldReader.asUserId(userId, r.pathOf("userId")),
        r.intIn("start", 0, Integer.MAX_VALUE), r.intIn("length", 2, Integer.MAX_VALUE));
  }

  private static JsonObject reactionToJson(Reaction reaction) {
    List<JsonValue> users = new ArrayList<>();
    for (UserId user : reaction.users()) {
      users.add(Wire.number(user.value()));
    }
    return JsonObject.builder().put("emoji", reaction.emoji()).put("users", new JsonArray(users)).build();
  }

  private static Reaction readReaction(JsonValue json, String path) {
    FieldReader r = FieldReader.of(json, path);
    String emoji = r.string("emoji");
    if (emoji.isEmpty()) {
      throw FieldReader.bad(r.pathOf("emoji"), "must not be empty");
    }
    return new Reaction(emoji, r.list("users", ProtocolLimits.MAX_ENTRIES, FieldReader::asUserId));
  }

  /** The wire name of a kind; spelled out so that renaming a constant cannot change the protocol. */
  static String kindName(MessageKind kind) {
    return switch (kind) {
      case TEXT -> "text";
      case STICKER -> "sticker";
      case VOICE -> "voice";
      case IMAGE -> "image";
      case VIDEO -> "video";
      case FILE -> "file";
      case SYSTEM -> "system";
    };
  }

  /** The kind with this wire name, or {@code null}. */
  static MessageKind kindOf(String wireName) {
    return switch (wireName) {
      case "text" -> MessageKind.TEXT;
      case "sticker" -> MessageKind.STICKER;
      case "voice" -> MessageKind.VOICE;
      case "image" -> MessageKind.IMAGE;
      case "video" -> MessageKind.VIDEO;
      case "file" -> MessageKind.FILE;
      case "system" -> MessageKind.SYSTEM;
      default -> null;
    };
  }
}
