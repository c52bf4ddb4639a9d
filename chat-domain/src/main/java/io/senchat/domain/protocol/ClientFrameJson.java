package io.senchat.domain.protocol;

import io.senchat.domain.common.ChatException;
import io.senchat.domain.common.ErrorCode;
import io.senchat.domain.message.OutgoingMessage;
import io.senchat.domain.protocol.ClientFrame.DeleteMessage;
import io.senchat.domain.protocol.ClientFrame.EditMessage;
import io.senchat.domain.protocol.ClientFrame.FetchHistory;
import io.senchat.domain.protocol.ClientFrame.Hello;
import io.senchat.domain.protocol.ClientFrame.MarkReceipts;
import io.senchat.domain.protocol.ClientFrame.Ping;
import io.senchat.domain.protocol.ClientFrame.ReactToMessage;
import io.senchat.domain.protocol.ClientFrame.SendMessage;
import io.senchat.domain.protocol.ClientFrame.SetTyping;
import io.senchat.domain.protocol.ClientFrame.Sync;
import io.senchat.domain.protocol.ClientFrame.WatchPresence;
import io.senchat.domain.protocol.json.JsonArray;
import io.senchat.domain.protocol.json.JsonObject;
import io.senchat.domain.protocol.json.JsonValue;
import io.senchat.domain.user.UserId;
import java.util.ArrayList;
import java.util.List;

/** The {@code data} object of each client frame type. */
final class ClientFrameJson {

  private ClientFrameJson() {
  }

  static ClientFrame decode(String type, JsonObject data) {
    FieldReader r = FieldReader.of(data, "data");
    try {
      return switch (type) {
        case Hello.TYPE -> new Hello(r.string("token"), r.optSyncToken("syncToken"), r.optString("deviceId"),
            r.optString("clientVersion"));
        case Sync.TYPE -> new Sync(r.syncToken("syncToken"), r.intIn("limit", 1, ProtocolLimits.MAX_SYNC_LIMIT));
        case SendMessage.TYPE -> new SendMessage(new OutgoingMessage(r.conversationId("conversationId"),
            r.string("clientId"), r.choice("kind", MessageJson::kindOf, MessageJson.KINDS), r.string("text"),
            MessageJson.readAttachment(r.optObject("attachment")), r.optString("stickerId"),
            r.optNonNegative("replyToSeq"), MessageJson.readForwarded(r.optObject("forwarded")),
            MessageJson.readMentions(r)));
        case EditMessage.TYPE -> new EditMessage(r.conversationId("conversationId"), r.positive("seq"),
            r.string("text"), MessageJson.readMentions(r));
        case DeleteMessage.TYPE -> new DeleteMessage(r.conversationId("conversationId"), r.positive("seq"),
            r.choice("scope", DeleteScope::fromWireName, "me, everyone"));
        case ReactToMessage.TYPE -> new ReactToMessage(r.conversationId("conversationId"), r.positive("seq"),
            r.string("emoji"), r.bool("on"));
        case MarkReceipts.TYPE -> new MarkReceipts(
            r.list("marks", ProtocolLimits.MAX_RECEIPT_MARKS, ClientFrameJson::readMark));
        case SetTyping.TYPE -> new SetTyping(r.conversationId("conversationId"), r.bool("typing"));
        case WatchPresence.TYPE -> new WatchPresence(
            r.list("userIds", ProtocolLimits.MAX_WATCHED_USERS, FieldReader::asUserId));
        case FetchHistory.TYPE -> new FetchHistory(r.conversationId("conversationId"),
            r.choice("direction", HistoryDirection::fromWireName, "before, after, around"), r.nonNegative("seq"),
            r.intIn("limit", 1, ProtocolLimits.MAX_HISTORY_LIMIT));
        case Ping.TYPE -> new Ping();
        default -> throw new ChatException(ErrorCode.UNKNOWN_TYPE,
            "unknown client frame type \"" + Wire.abbreviate(type) + "\"");
      };
    } catch (IllegalArgumentException e) {
      throw Wire.badFrame("data", e);
    }
  }

  private static ReceiptMark readMark(JsonValue json, String path) {
    FieldReader r = FieldReader.of(json, path);
    try {
      return new ReceiptMark(r.conversationId("conversationId"), r.optNonNegative("deliveredSeq"),
          r.optNonNegative("readSeq"));
    } catch (IllegalArgumentException e) {
      throw Wire.badFrame(path, e);
    }
  }

  static JsonObject encode(ClientFrame frame) {
    JsonObject.Builder data = JsonObject.builder();
    if (frame instanceof Hello hello) {
      data.put("token", hello.token());
      if (hello.syncToken() != null) {
        data.put("syncToken", hello.syncToken().toString());
      }
      putIfNotEmpty(data, "deviceId", hello.deviceId());
      putIfNotEmpty(data, "clientVersion", hello.clientVersion());
    } else if (frame instanceof Sync sync) {
      data.put("syncToken", sync.syncToken().toString()).put("limit", sync.limit());
    } else if (frame instanceof SendMessage sendMessage) {
      OutgoingMessage send = sendMessage.message();
      data.put("conversationId", Wire.number(send.conversationId().value()))
          .put("clientId", send.clientId())
          .put("kind", MessageJson.kindName(send.kind()))
          .put("text", send.text());
      if (send.attachment() != null) {
        data.put("attachment", MessageJson.attachmentToJson(send.attachment()));
      }
      putIfNotEmpty(data, "stickerId", send.stickerId());
      if (send.replyToSeq() != 0) {
        data.put("replyToSeq", Wire.number(send.replyToSeq()));
      }
      if (send.forwarded() != null) {
        data.put("forwarded", MessageJson.forwardedToJson(send.forwarded()));
      }
      if (!send.mentions().isEmpty()) {
        data.put("mentions", MessageJson.mentionsToJson(send.mentions()));
      }
    } else if (frame instanceof EditMessage edit) {
      data.put("conversationId", Wire.number(edit.conversationId().value()))
          .put("seq", Wire.number(edit.seq()))
          .put("text", edit.text());
      if (!edit.mentions().isEmpty()) {
        data.put("mentions", MessageJson.mentionsToJson(edit.mentions()));
      }
    } else if (frame instanceof DeleteMessage delete) {
      data.put("conversationId", Wire.number(delete.conversationId().value()))
          .put("seq", Wire.number(delete.seq()))
          .put("scope", delete.scope().wireName());
    } else if (frame instanceof ReactToMessage react) {
      data.put("conversationId", Wire.number(react.conversationId().value()))
          .put("seq", Wire.number(react.seq()))
          .put("emoji", react.emoji())
          .put("on", react.on());
    } else if (frame instanceof MarkReceipts receipts) {
      List<JsonValue> marks = new ArrayList<>();
      for (ReceiptMark mark : receipts.marks()) {
        JsonObject.Builder json = JsonObject.builder()
            .put("conversationId", Wire.number(mark.conversationId().value()));
        if (mark.deliveredSeq() != 0) {
          json.put("deliveredSeq", Wire.number(mark.deliveredSeq()));
        }
        if (mark.readSeq() != 0) {
          json.put("readSeq", Wire.number(mark.readSeq()));
        }
        marks.add(json.build());
      }
      data.put("marks", new JsonArray(marks));
    } else if (frame instanceof SetTyping typing) {
      data.put("conversationId", Wire.number(typing.conversationId().value())).put("typing", typing.typing());
    } else if (frame instanceof WatchPresence watch) {
      List<JsonValue> users = new ArrayList<>();
      for (UserId user : watch.userIds()) {
        users.add(Wire.number(user.value()));
      }
      data.put("userIds", new JsonArray(users));
    } else if (frame instanceof FetchHistory history) {
      data.put("conversationId", Wire.number(history.conversationId().value()))
          .put("direction", history.direction().wireName())
          .put("seq", Wire.number(history.seq()))
          .put("limit", history.limit());
    } else if (!(frame instanceof Ping)) {
      throw new IllegalArgumentException("frame must not be null");
    }
    return data.build();
  }

  private static void putIfNotEmpty(JsonObject.Builder data, String name, String value) {
    if (!value.isEmpty()) {
      data.put(name, value);
    }
  }
}
