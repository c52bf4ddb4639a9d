package io.senchat.domain.protocol;

import io.senchat.domain.conversation.ConversationId;
import io.senchat.domain.message.Mention;
import io.senchat.domain.message.OutgoingMessage;
import io.senchat.domain.rules.Limits;
import io.senchat.domain.user.UserId;
import java.util.List;

/**
 * A command from a client to the server. Each record checks the wire format of its fields (ids, ranges, lengths) and
 * throws {@link IllegalArgumentException} naming the field; product rules (text length, permissions) are checked by
 * the server's rules, not here.
 */
public sealed interface ClientFrame permits ClientFrame.Hello, ClientFrame.Sync, ClientFrame.SendMessage,
    ClientFrame.EditMessage, ClientFrame.DeleteMessage, ClientFrame.ReactToMessage, ClientFrame.MarkReceipts,
    ClientFrame.SetTyping, ClientFrame.WatchPresence, ClientFrame.FetchHistory, ClientFrame.Ping {

  /** The wire name of this frame's type, e.g. {@code "message.send"}. */
  String type();

  /**
   * Authenticates the connection; the server answers {@code welcome}, then replays the feed after {@code syncToken}.
   *
   * @param token the access token
   * @param syncToken the last token the client persisted, or {@code null} for a fresh client
   * @param deviceId a stable id of this installation, or {@code ""}
   * @param clientVersion free-form client name and version for diagnostics, or {@code ""}
   */
  record Hello(String token, SyncToken syncToken, String deviceId, String clientVersion) implements ClientFrame {
    public static final String TYPE = "hello";

    public Hello {
      if (!Wire.isAscii(token, '!', 1, ProtocolLimits.MAX_TOKEN_CHARS)) {
        throw new IllegalArgumentException("token: must be 1.." + ProtocolLimits.MAX_TOKEN_CHARS
            + " visible ASCII characters");
      }
      Wire.checkIdToken("deviceId", deviceId, true);
      if (!Wire.isAscii(clientVersion, ' ', 0, ProtocolLimits.MAX_CLIENT_VERSION_CHARS)) {
        throw new IllegalArgumentException("clientVersion: must be at most "
            + ProtocolLimits.MAX_CLIENT_VERSION_CHARS + " printable ASCII characters");
      }
    }

    @Override
    public String type() {
      return TYPE;
    }
  }

  /**
   * Asks for the change feed after a token; the server answers with {@code sync.batch} frames.
   *
   * @param limit most events in one batch, 1..{@link ProtocolLimits#MAX_SYNC_LIMIT}
   */
  record Sync(SyncToken syncToken, int limit) implements ClientFrame {
    public static final String TYPE = "sync";

    public Sync {
      Wire.checkNonNull("syncToken", syncToken);
      if (limit < 1 || limit > ProtocolLimits.MAX_SYNC_LIMIT) {
        throw new IllegalArgumentException("limit: must be 1.." + ProtocolLimits.MAX_SYNC_LIMIT);
      }
    }

    @Override
    public String type() {
      return TYPE;
    }
  }

  /**
   * Sends a message; a resend with the same {@code clientId} is acknowledged with the original seq. On the wire the
   * message's fields are the frame's {@code data} members.
   */
  record SendMessage(OutgoingMessage message) implements ClientFrame {
    public static final String TYPE = "message.send";

    public SendMessage {
      Wire.checkNonNull("message", message);
      Wire.checkClientId("clientId", message.clientId(), false);
      if (!message.stickerId().isEmpty() && !Wire.isIdToken(message.stickerId(), Limits.MAX_STICKER_ID_CHARS)) {
        throw new IllegalArgumentException("stickerId: must be 1.." + Limits.MAX_STICKER_ID_CHARS
            + " characters of [A-Za-z0-9._:-]");
      }
      Wire.checkNonNegative("replyToSeq", message.replyToSeq());
    }

    @Override
    public String type() {
      return TYPE;
    }
  }

  /** Replaces the text and mentions of one's own message. */
  record EditMessage(ConversationId conversationId, long seq, String text, List<Mention> mentions)
      implements ClientFrame {
    public static final String TYPE = "message.edit";

    public EditMessage {
      Wire.checkNonNull("conversationId", conversationId);
      Wire.checkPositive("seq", seq);
      Wire.checkNonNull("text", text);
      Wire.checkNonNull("mentions", mentions);
      mentions = List.copyOf(mentions);
    }

    @Override
    public String type() {
      return TYPE;
    }
  }

  /** Deletes a message for oneself or, when allowed, for everyone. */
  record DeleteMessage(ConversationId conversationId, long seq, DeleteScope scope) implements ClientFrame {
    public static final String TYPE = "message.delete";

    public DeleteMessage {
      Wire.checkNonNull("conversationId", conversationId);
      Wire.checkPositive("seq", seq);
      Wire.checkNonNull("scope", scope);
    }

    @Override
    public String type() {
      return TYPE;
    }
  }

  /**
   * Adds ({@code on}) or removes the user's reaction with one emoji.
   *
   * @param emoji 1..{@link Limits#MAX_EMOJI_CHARS} UTF-16 code units
   */
  record ReactToMessage(ConversationId conversationId, long seq, String emoji, boolean on) implements ClientFrame {
    public static final String TYPE = "message.react";

    public ReactToMessage {
      Wire.checkNonNull("conversationId", conversationId);
      Wire.checkPositive("seq", seq);
      if (emoji == null || emoji.isEmpty() || emoji.length() > Limits.MAX_EMOJI_CHARS) {
        throw new IllegalArgumentException("emoji: must be 1.." + Limits.MAX_EMOJI_CHARS + " characters");
      }
    }

    @Override
    public String type() {
      return TYPE;
    }
  }

  /** Moves delivery and read marks of several conversations at once. */
  record MarkReceipts(List<ReceiptMark> marks) implements ClientFrame {
    public static final String TYPE = "receipt.mark";

    public MarkReceipts {
      Wire.checkNonNull("marks", marks);
      if (marks.isEmpty() || marks.size() > ProtocolLimits.MAX_RECEIPT_MARKS) {
        throw new IllegalArgumentException("marks: must hold 1.." + ProtocolLimits.MAX_RECEIPT_MARKS + " marks");
      }
      marks = List.copyOf(marks);
    }

    @Override
    public String type() {
      return TYPE;
    }
  }

  /** Starts or stops the user's typing indicator in a conversation. */
  record SetTyping(ConversationId conversationId, boolean typing) implements ClientFrame {
    public static final String TYPE = "typing";

    public SetTyping {
      Wire.checkNonNull("conversationId", conversationId);
    }

    @Override
    public String type() {
      return TYPE;
    }
  }

  /**
   * Replaces the set of users whose presence this connection receives; an empty list stops all presence events.
   *
   * @param userIds at most {@link ProtocolLimits#MAX_WATCHED_USERS}; duplicates are harmless
   */
  record WatchPresence(List<UserId> userIds) implements ClientFrame {
    public static final String TYPE = "presence.watch";

    public WatchPresence {
      Wire.checkNonNull("userIds", userIds);
      if (userIds.size() > ProtocolLimits.MAX_WATCHED_USERS) {
        throw new IllegalArgumentException("userIds: must hold at most " + ProtocolLimits.MAX_WATCHED_USERS);
      }
      userIds = List.copyOf(userIds);
    }

    @Override
    public String type() {
      return TYPE;
    }
  }

  /**
   * Asks for a page of older or newer messages; the server answers {@code history.page}.
   *
   * @param seq the anchor; 0 is allowed with {@link HistoryDirection#BEFORE} (from the newest) and
   *     {@link HistoryDirection#AFTER} (from the oldest)
   * @param limit 1..{@link ProtocolLimits#MAX_HISTORY_LIMIT}
   */
  record FetchHistory(ConversationId conversationId, HistoryDirection direction, long seq, int limit)
      implements ClientFrame {
    public static final String TYPE = "history";

    public FetchHistory {
      Wire.checkNonNull("conversationId", conversationId);
      Wire.checkNonNull("direction", direction);
      if (direction == HistoryDirection.AROUND) {
        Wire.checkPositive("seq", seq);
      } else {
        Wire.checkNonNegative("seq", seq);
      }
      if (limit < 1 || limit > ProtocolLimits.MAX_HISTORY_LIMIT) {
        throw new IllegalArgumentException("limit: must be 1.." + ProtocolLimits.MAX_HISTORY_LIMIT);
      }
    }

    @Override
    public String type() {
      return TYPE;
    }
  }

  /** Keeps the connection alive and measures round trips; the server answers {@code pong}. */
  record Ping() implements ClientFrame {
    public static final String TYPE = "ping";

    @Override
    public String type() {
      return TYPE;
    }
  }
}
