package io.senchat.domain.protocol;

import io.senchat.domain.common.ChatException;
import io.senchat.domain.common.ErrorCode;
import io.senchat.domain.message.Message;
import io.senchat.domain.presence.Presence;
import io.senchat.domain.presence.PresenceState;
import io.senchat.domain.protocol.ServerFrame.Ack;
import io.senchat.domain.protocol.ServerFrame.ConversationUpdated;
import io.senchat.domain.protocol.ServerFrame.ErrorFrame;
import io.senchat.domain.protocol.ServerFrame.FeedEvent;
import io.senchat.domain.protocol.ServerFrame.HistoryPage;
import io.senchat.domain.protocol.ServerFrame.MemberChanged;
import io.senchat.domain.protocol.ServerFrame.MemberStateChanged;
import io.senchat.domain.protocol.ServerFrame.MessageHidden;
import io.senchat.domain.protocol.ServerFrame.MessageNew;
import io.senchat.domain.protocol.ServerFrame.MessageUpdated;
import io.senchat.domain.protocol.ServerFrame.Pong;
import io.senchat.domain.protocol.ServerFrame.PresenceEvent;
import io.senchat.domain.protocol.ServerFrame.ReceiptEvent;
import io.senchat.domain.protocol.ServerFrame.SyncBatch;
import io.senchat.domain.protocol.ServerFrame.TypingEvent;
import io.senchat.domain.protocol.ServerFrame.Welcome;
import io.senchat.domain.protocol.json.JsonArray;
import io.senchat.domain.protocol.json.JsonObject;
import io.senchat.domain.protocol.json.JsonValue;
import java.util.ArrayList;
import java.util.List;

/** The {@code data} object of each server frame type, and the events inside a {@code sync.batch}. */
final class ServerFrameJson {

  private ServerFrameJson() {
  }

  /** Decodes a frame's data; an unknown type is a {@link ErrorCode#UNKNOWN_TYPE} failure. */
  static ServerFrame decode(String type, JsonValue data, String path) {
    ServerFrame frame = decodeKnown(type, data, path);
    if (frame == null) {
      throw new ChatException(ErrorCode.UNKNOWN_TYPE, "unknown server frame type \"" + Wire.abbreviate(type) + "\"");
    }
    return frame;
  }

  /** The frame, or {@code null} when the type is unknown. */
  private static ServerFrame decodeKnown(String type, JsonValue data, String path) {
    FieldReader r = FieldReader.of(data, path);
    try {
      return switch (type) {
        case Welcome.TYPE -> new Welcome(r.userId("userId"), r.string("sessionId"), r.syncToken("syncToken"),
            r.nonNegative("serverTimeMillis"), r.positive("heartbeatMillis"));
        case Ack.TYPE -> new Ack(r.optConversationId("conversationId"), r.optNonNegative("seq"),
            r.optString("clientId"), r.optNonNegative("sentAtMillis"));
        case ErrorFrame.TYPE -> new ErrorFrame(r.string("code"), r.string("message"), r.bool("retryable"));
        case MessageNew.TYPE -> new MessageNew(MessageJson.read(r.required("message"), r.pathOf("message")));
        case MessageUpdated.TYPE -> new MessageUpdated(
            MessageJson.read(r.required("message"), r.pathOf("message")));
        case MessageHidden.TYPE -> new MessageHidden(r.conversationId("conversationId"), r.positive("seq"));
        case ReceiptEvent.TYPE -> new ReceiptEvent(r.conversationId("conversationId"), r.userId("userId"),
            r.nonNegative("deliveredSeq"), r.nonNegative("readSeq"));
        case TypingEvent.TYPE -> new TypingEvent(r.conversationId("conversationId"), r.userId("userId"),
            r.bool("typing"));
        case PresenceEvent.TYPE -> new PresenceEvent(new Presence(r.userId("userId"),
            r.choice("state", ServerFrameJson::presenceStateOf, "online, offline"),
            r.nonNegative("lastSeenMillis")));
        case ConversationUpdated.TYPE -> new ConversationUpdated(
            ConversationJson.readConversation(r.required("conversation"), r.pathOf("conversation")));
        case MemberChanged.TYPE -> new MemberChanged(r.conversationId("conversationId"), r.userId("userId"),
            r.optional("role") == null ? null : r.choice("role", ConversationJson::roleOf, ConversationJson.ROLES),
            r.choice("change", MemberChange::fromWireName, "added, removed, role"));
        case MemberStateChanged.TYPE -> new MemberStateChanged(
            ConversationJson.readMemberState(r.required("memberState"), r.pathOf("memberState")));
        case SyncBatch.TYPE -> new SyncBatch(readEvents(r), r.syncToken("syncToken"), r.bool("hasMore"));
        case HistoryPage.TYPE -> new HistoryPage(r.conversationId("conversationId"),
            r.list("messages", ProtocolLimits.MAX_ENTRIES, MessageJson::read), r.bool("hasMoreBefore"),
            r.bool("hasMoreAfter"));
        case Pong.TYPE -> new Pong();
        default -> null;
      };
    } catch (IllegalArgumentException e) {
      throw Wire.badFrame(path, e);
    }
  }

  /**
   * The batch's events. An event of a type this version does not know is skipped rather than failing the batch:
   * otherwise a server that adds an event type would leave older clients unable to ever move past it.
   */
  private static List<FeedEvent> readEvents(FieldReader r) {
    List<FeedEvent> events = new ArrayList<>();
    for (FeedEvent event : r.list("events", ProtocolLimits.MAX_ENTRIES, ServerFrameJson::readEvent)) {
      if (event != null) {
        events.add(event);
      }
    }
    return events;
  }

  /** The feed event, or {@code null} for a type this version does not know. */
  private static FeedEvent readEvent(JsonValue json, String path) {
    FieldReader event = FieldReader.of(json, path);
    String type = event.string("type");
    JsonValue data = event.optional("data");
    String dataPath = event.pathOf("data");
    ServerFrame frame = decodeKnown(type, data == null ? JsonObject.EMPTY : data, dataPath);
    if (frame == null) {
      return null;
    }
    if (frame instanceof FeedEvent feedEvent) {
      return feedEvent;
    }
    throw FieldReader.bad(event.pathOf("type"), "\"" + Wire.abbreviate(type) + "\" is not a feed event");
  }

  static JsonObject encode(ServerFrame frame) {
    JsonObject.Builder data = JsonObject.builder();
    if (frame instanceof Welcome welcome) {
      data.put("userId", Wire.number(welcome.userId().value()))
          .put("sessionId", welcome.sessionId())
          .put("syncToken", welcome.syncToken().toString())
          .put("serverTimeMillis", Wire.number(welcome.serverTimeMillis()))
          .put("heartbeatMillis", Wire.number(welcome.heartbeatMillis()));
    } else if (frame instanceof Ack ack) {
      if (ack.conversationId() != null) {
        data.put("conversationId", Wire.number(ack.conversationId().value()));
      }
      if (ack.seq() != 0) {
        data.put("seq", Wire.number(ack.seq()));
      }
      if (!ack.clientId().isEmpty()) {
        data.put("clientId", ack.clientId());
      }
      if (ack.sentAtMillis() != 0) {
        data.put("sentAtMillis", Wire.number(ack.sentAtMillis()));
      }
    } else if (frame instanceof ErrorFrame error) {
      data.put("code", error.code()).put("message", error.message()).put("retryable", error.retryable());
    } else if (frame instanceof MessageNew created) {
      data.put("message", MessageJson.toJson(created.message()));
    } else if (frame instanceof MessageUpdated updated) {
      data.put("message", MessageJson.toJson(updated.message()));
    } else if (frame instanceof MessageHidden hidden) {
      data.put("conversationId", Wire.number(hidden.conversationId().value()))
          .put("seq", Wire.number(hidden.seq()));
    } else if (frame instanceof ReceiptEvent receipt) {
      data.put("conversationId", Wire.number(receipt.conversationId().value()))
          .put("userId", Wire.number(receipt.userId().value()))
          .put("deliveredSeq", Wire.number(receipt.deliveredSeq()))
          .put("readSeq", Wire.number(receipt.readSeq()));
    } else if (frame instanceof TypingEvent typing) {
      data.put("conversationId", Wire.number(typing.conversationId().value()))
          .put("userId", Wire.number(typing.userId().value()))
          .put("typing", typing.typing());
    } else if (frame instanceof PresenceEvent event) {
      Presence presence = event.presence();
      data.put("userId", Wire.number(presence.userId().value()))
          .put("state", presence.state() == PresenceState.ONLINE ? "online" : "offline")
          .put("lastSeenMillis", Wire.number(presence.lastSeenMillis()));
    } else if (frame instanceof ConversationUpdated updated) {
      data.put("conversation", ConversationJson.toJson(updated.conversation()));
    } else if (frame instanceof MemberChanged changed) {
      data.put("conversationId", Wire.number(changed.conversationId().value()))
          .put("userId", Wire.number(changed.userId().value()));
      if (changed.role() != null) {
        data.put("role", ConversationJson.roleName(changed.role()));
      }
      data.put("change", changed.change().wireName());
    } else if (frame instanceof MemberStateChanged changed) {
      data.put("memberState", ConversationJson.toJson(changed.memberState()));
    } else if (frame instanceof SyncBatch batch) {
      List<JsonValue> events = new ArrayList<>();
      for (FeedEvent event : batch.events()) {
        events.add(JsonObject.builder().put("type", event.type()).put("data", encode(event)).build());
      }
      data.put("events", new JsonArray(events))
          .put("syncToken", batch.syncToken().toString())
          .put("hasMore", batch.hasMore());
    } else if (frame instanceof HistoryPage page) {
      List<JsonValue> messages = new ArrayList<>();
      for (Message message : page.messages()) {
        messages.add(MessageJson.toJson(message));
      }
      data.put("conversationId", Wire.number(page.conversationId().value()))
          .put("messages", new JsonArray(messages))
          .put("hasMoreBefore", page.hasMoreBefore())
          .put("hasMoreAfter", page.hasMoreAfter());
    } else if (!(frame instanceof Pong)) {
      throw new IllegalArgumentException("frame must not be null");
    }
    return data.build();
  }

  private static PresenceState presenceStateOf(String wireName) {
    return switch (wireName) {
      case "online" -> PresenceState.ONLINE;
      case "offline" -> PresenceState.OFFLINE;
      default -> null;
    };
  }
}
