package io.senchat.domain.protocol;

import io.senchat.domain.common.ChatException;
import io.senchat.domain.common.ErrorCode;
import io.senchat.domain.conversation.Conversation;
import io.senchat.domain.conversation.ConversationId;
import io.senchat.domain.conversation.MemberRole;
import io.senchat.domain.conversation.MemberState;
import io.senchat.domain.message.Message;
import io.senchat.domain.presence.Presence;
import io.senchat.domain.user.UserId;
import java.util.List;

/**
 * A reply or event from the server to a client. Records check their wire format and throw
 * {@link IllegalArgumentException} naming the field.
 */
public sealed interface ServerFrame permits ServerFrame.Welcome, ServerFrame.Ack, ServerFrame.ErrorFrame,
    ServerFrame.TypingEvent, ServerFrame.PresenceEvent, ServerFrame.SyncBatch, ServerFrame.HistoryPage,
    ServerFrame.Pong, ServerFrame.FeedEvent {

  /** The wire name of this frame's type, e.g. {@code "message.new"}. */
  String type();

  /**
   * An event recorded in the user's change feed: it is pushed live and replayed by {@code sync}, so it may arrive
   * more than once and must be applied idempotently. Typing and presence are not feed events: they are ephemeral.
   */
  sealed interface FeedEvent extends ServerFrame permits MessageNew, MessageUpdated, MessageHidden, ReceiptEvent,
      ConversationUpdated, MemberChanged, MemberStateChanged {
  }

  /**
   * The answer to {@code hello}: who the connection belongs to and how to keep it alive.
   *
   * @param syncToken the head of the user's feed now; a fresh client stores it and loads history separately
   * @param serverTimeMillis the server clock, to estimate the client's clock offset
   * @param heartbeatMillis the client should send {@code ping} when it has sent nothing for this long
   */
  record Welcome(UserId userId, String sessionId, SyncToken syncToken, long serverTimeMillis, long heartbeatMillis)
      implements ServerFrame {
    public static final String TYPE = "welcome";

    public Welcome {
      Wire.checkNonNull("userId", userId);
      Wire.checkIdToken("sessionId", sessionId, false);
      Wire.checkNonNull("syncToken", syncToken);
      Wire.checkNonNegative("serverTimeMillis", serverTimeMillis);
      Wire.checkPositive("heartbeatMillis", heartbeatMillis);
    }

    @Override
    public String type() {
      return TYPE;
    }
  }

  /**
   * Success of the command with the same request id; fields are set only when the command produced them.
   *
   * @param conversationId the conversation acted on, or {@code null}
   * @param seq the message acted on (for {@code message.send}: the assigned seq), 0 when none
   * @param clientId the client id of a sent message, {@code ""} when none
   * @param sentAtMillis server time a sent message was accepted, 0 when none
   */
  record Ack(ConversationId conversationId, long seq, String clientId, long sentAtMillis) implements ServerFrame {
    public static final String TYPE = "ack";

    /** An acknowledgement without details. */
    public static final Ack EMPTY = new Ack(null, 0, "", 0);

    public Ack {
      Wire.checkNonNegative("seq", seq);
      Wire.checkClientId("clientId", clientId, true);
      Wire.checkNonNegative("sentAtMillis", sentAtMillis);
    }

    /** The acknowledgement of an accepted (or already accepted) {@code message.send}. */
    public static Ack forSend(Message message) {
      return new Ack(message.conversationId(), message.seq(), message.clientId(), message.sentAtMillis());
    }

    /** The acknowledgement of a command on one message. */
    public static Ack forMessage(ConversationId conversationId, long seq) {
      return new Ack(conversationId, seq, "", 0);
    }

    @Override
    public String type() {
      return TYPE;
    }
  }

  /**
   * A failure: of the command with the same request id, or of the connection when there is none. The code is kept
   * as its wire name, so that codes added by a newer server survive decoding; {@code retryable} tells a client what
   * to do with a code it does not know.
   *
   * @param code the {@link ErrorCode} wire name, e.g. {@code "not_member"}
   * @param message a description for developers, not meant for end users
   */
  record ErrorFrame(String code, String message, boolean retryable) implements ServerFrame {
    public static final String TYPE = "error";

    public ErrorFrame {
      Wire.checkIdToken("code", code, false);
      Wire.checkNonNull("message", message);
    }

    /** The error frame for this code, with its standard retryability and a message cut to a sane length. */
    public static ErrorFrame of(ErrorCode code, String message) {
      String text = message == null ? "" : message;
      int max = ProtocolLimits.MAX_ERROR_MESSAGE_CHARS;
      if (text.length() > max) {
        // Do not cut a surrogate pair in half.
        char last = text.charAt(max - 1);
        int cut = last >= '\uD800' && last <= '\uDBFF' ? max - 1 : max;
        text = text.substring(0, cut);
      }
      return new ErrorFrame(code.wireName(), text, code.retryable());
    }

    /** The error frame reporting this exception. */
    public static ErrorFrame of(ChatException failure) {
      return of(failure.code(), failure.getMessage());
    }

    /** The code, or {@code null} when this version does not know it. */
    public ErrorCode errorCode() {
      return ErrorCode.fromWireName(code);
    }

    @Override
    public String type() {
      return TYPE;
    }
  }

  /** A message was posted to a conversation the user belongs to. */
  record MessageNew(Message message) implements FeedEvent {
    public static final String TYPE = "message.new";

    public MessageNew {
      Wire.checkNonNull("message", message);
    }

    @Override
    public String type() {
      return TYPE;
    }
  }

  /** A message changed (edited, deleted for everyone, reactions changed): replace the local copy with it. */
  record MessageUpdated(Message message) implements FeedEvent {
    public static final String TYPE = "message.updated";

    public MessageUpdated {
      Wire.checkNonNull("message", message);
    }

    @Override
    public String type() {
      return TYPE;
    }
  }

  /** The user deleted a message for themselves: hide it on every device of the user. */
  record MessageHidden(ConversationId conversationId, long seq) implements FeedEvent {
    public static final String TYPE = "message.hidden";

    public MessageHidden {
      Wire.checkNonNull("conversationId", conversationId);
      Wire.checkPositive("seq", seq);
    }

    @Override
    public String type() {
      return TYPE;
    }
  }

  /** A member's delivery and read marks moved; senders turn them into ticks. */
  record ReceiptEvent(ConversationId conversationId, UserId userId, long deliveredSeq, long readSeq)
      implements FeedEvent {
    public static final String TYPE = "receipt";

    public ReceiptEvent {
      Wire.checkNonNull("conversationId", conversationId);
      Wire.checkNonNull("userId", userId);
      Wire.checkNonNegative("deliveredSeq", deliveredSeq);
      Wire.checkNonNegative("readSeq", readSeq);
      if (readSeq > deliveredSeq) {
        throw new IllegalArgumentException("readSeq: must not be above deliveredSeq");
      }
    }

    @Override
    public String type() {
      return TYPE;
    }
  }

  /** Another member started or stopped typing; clients expire the indicator themselves if no update comes. */
  record TypingEvent(ConversationId conversationId, UserId userId, boolean typing) implements ServerFrame {
    public static final String TYPE = "typing";

    public TypingEvent {
      Wire.checkNonNull("conversationId", conversationId);
      Wire.checkNonNull("userId", userId);
    }

    @Override
    public String type() {
      return TYPE;
    }
  }

  /** A watched user went online or offline. */
  record PresenceEvent(Presence presence) implements ServerFrame {
    public static final String TYPE = "presence";

    public PresenceEvent {
      Wire.checkNonNull("presence", presence);
      Wire.checkNonNegative("lastSeenMillis", presence.lastSeenMillis());
    }

    @Override
    public String type() {
      return TYPE;
    }
  }

  /** A conversation's shared state (title, avatar, settings, last seq) changed, or the user can now see it. */
  record ConversationUpdated(Conversation conversation) implements FeedEvent {
    public static final String TYPE = "conversation.updated";

    public ConversationUpdated {
      Wire.checkNonNull("conversation", conversation);
    }

    @Override
    public String type() {
      return TYPE;
    }
  }

  /**
   * A membership changed.
   *
   * @param role the member's role after the change, {@code null} exactly when the change is
   *     {@link MemberChange#REMOVED}
   */
  record MemberChanged(ConversationId conversationId, UserId userId, MemberRole role, MemberChange change)
      implements FeedEvent {
    public static final String TYPE = "member.changed";

    public MemberChanged {
      Wire.checkNonNull("conversationId", conversationId);
      Wire.checkNonNull("userId", userId);
      Wire.checkNonNull("change", change);
      if ((role == null) != (change == MemberChange.REMOVED)) {
        throw new IllegalArgumentException("role: must be null exactly when the change is \"removed\"");
      }
    }

    @Override
    public String type() {
      return TYPE;
    }
  }

  /** The user's private state of a conversation (pinned, muted, marks...) changed, possibly on another device. */
  record MemberStateChanged(MemberState memberState) implements FeedEvent {
    public static final String TYPE = "member.state";

    public MemberStateChanged {
      Wire.checkNonNull("memberState", memberState);
    }

    @Override
    public String type() {
      return TYPE;
    }
  }

  /**
   * A slice of the change feed, in feed order; the client applies the events, then persists {@code syncToken}.
   *
   * @param syncToken the position after the last event of this batch
   * @param hasMore true when the server has more events after this batch and will send another one
   */
  record SyncBatch(List<FeedEvent> events, SyncToken syncToken, boolean hasMore) implements ServerFrame {
    public static final String TYPE = "sync.batch";

    public SyncBatch {
      Wire.checkNonNull("events", events);
      Wire.checkNonNull("syncToken", syncToken);
      events = List.copyOf(events);
    }

    @Override
    public String type() {
      return TYPE;
    }
  }

  /**
   * The answer to {@code history}: messages of one conversation in ascending seq order.
   *
   * @param hasMoreBefore true when older messages exist before the first one
   * @param hasMoreAfter true when newer messages exist after the last one
   */
  record HistoryPage(ConversationId conversationId, List<Message> messages, boolean hasMoreBefore,
      boolean hasMoreAfter) implements ServerFrame {
    public static final String TYPE = "history.page";

    public HistoryPage {
      Wire.checkNonNull("conversationId", conversationId);
      Wire.checkNonNull("messages", messages);
      messages = List.copyOf(messages);
      long previousSeq = 0;
      for (Message message : messages) {
        if (!message.conversationId().equals(conversationId)) {
          throw new IllegalArgumentException("messages: all must belong to conversation " + conversationId.value());
        }
        if (message.seq() <= previousSeq) {
          throw new IllegalArgumentException("messages: must be in strictly ascending seq order");
        }
        previousSeq = message.seq();
      }
    }

    @Override
    public String type() {
      return TYPE;
    }
  }

  /** The answer to {@code ping}. */
  record Pong() implements ServerFrame {
    public static final String TYPE = "pong";

    @Override
    public String type() {
      return TYPE;
    }
  }
}
