package io.senchat.domain.protocol;

import static io.senchat.domain.Randomized.charsBetween;
import static io.senchat.domain.Randomized.either;
import static io.senchat.domain.Randomized.intBetween;
import static io.senchat.domain.Randomized.listOf;
import static io.senchat.domain.Randomized.longBetween;
import static io.senchat.domain.Randomized.oneOf;
import static io.senchat.domain.Randomized.orNull;
import static io.senchat.domain.Randomized.stringOf;

import io.senchat.domain.Randomized;
import io.senchat.domain.common.ErrorCode;
import io.senchat.domain.conversation.Audience;
import io.senchat.domain.conversation.Conversation;
import io.senchat.domain.conversation.ConversationId;
import io.senchat.domain.conversation.ConversationKind;
import io.senchat.domain.conversation.GroupSettings;
import io.senchat.domain.conversation.MemberRole;
import io.senchat.domain.conversation.MemberState;
import io.senchat.domain.message.Attachment;
import io.senchat.domain.message.Forwarded;
import io.senchat.domain.message.Mention;
import io.senchat.domain.message.Message;
import io.senchat.domain.message.MessageKind;
import io.senchat.domain.message.MessageRef;
import io.senchat.domain.message.OutgoingMessage;
import io.senchat.domain.message.Reaction;
import io.senchat.domain.presence.Presence;
import io.senchat.domain.presence.PresenceState;
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
import io.senchat.domain.rules.Limits;
import io.senchat.domain.user.UserId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

/**
 * Random model records and frames of every type, drawn from a {@link Random} (see {@link Randomized}), biased towards
 * text that is hard to encode and towards boundary values: 0, 1, 2^53 - 1, empty strings and lists, longest ids.
 * {@link ClientKind} and {@link ServerKind} name one generator per frame type.
 */
final class RandomFrames {

  static final long MAX_SAFE = ProtocolLimits.MAX_SAFE_INTEGER;

  private static final String NASTY_CHARS =
      "\"\\/<>&'\u2028\u2029\u0000\u0001\u001f\u007f\t\n\r\b\f éẫ中\uFEFF\u200B\uD83D\uDE00\uDC00";

  private static final List<String> EMOJI_PARTS = List.of("😀", "👍🏽", "👨‍👩‍👧‍👦", "🇻🇳", "❤️", "🏳️‍🌈", "a", " ");

  private static final List<String> SPECIAL_TEXTS = List.of("", "<script>alert('x')</script>", "</script><!--",
      "Xin chào 👋", "a\"b\\c", "\uD83D", "\uDE00\uD83D", "\u0000", "{\"v\":1}", "@all hi");

  /** Characters of request, device, session and sticker ids: {@code [A-Za-z0-9._:-]}. */
  static final String ID_CHARS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._:-";

  /** Characters of client ids: {@code [A-Za-z0-9_-]}. */
  static final String CLIENT_ID_CHARS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-";

  private RandomFrames() {
  }

  /** One generator per client frame type. */
  enum ClientKind {
    HELLO(Hello.class, RandomFrames::hello),
    SYNC(Sync.class, RandomFrames::sync),
    SEND_MESSAGE(SendMessage.class, RandomFrames::sendMessage),
    EDIT_MESSAGE(EditMessage.class, RandomFrames::editMessage),
    DELETE_MESSAGE(DeleteMessage.class, RandomFrames::deleteMessage),
    REACT_TO_MESSAGE(ReactToMessage.class, RandomFrames::reactToMessage),
    MARK_RECEIPTS(MarkReceipts.class, RandomFrames::markReceipts),
    SET_TYPING(SetTyping.class, RandomFrames::setTyping),
    WATCH_PRESENCE(WatchPresence.class, RandomFrames::watchPresence),
    FETCH_HISTORY(FetchHistory.class, RandomFrames::fetchHistory),
    PING(Ping.class, random -> new Ping());

    final Class<? extends ClientFrame> type;
    private final Function<Random, ? extends ClientFrame> generator;

    ClientKind(Class<? extends ClientFrame> type, Function<Random, ? extends ClientFrame> generator) {
      this.type = type;
      this.generator = generator;
    }

    ClientFrame generate(Random random) {
      return generator.apply(random);
    }
  }

  /** One generator per server frame type, feed events included. */
  enum ServerKind {
    WELCOME(Welcome.class, RandomFrames::welcome),
    ACK(Ack.class, RandomFrames::ack),
    ERROR(ErrorFrame.class, RandomFrames::errorFrame),
    MESSAGE_NEW(MessageNew.class, random -> new MessageNew(message(random))),
    MESSAGE_UPDATED(MessageUpdated.class, random -> new MessageUpdated(message(random))),
    MESSAGE_HIDDEN(MessageHidden.class, random -> new MessageHidden(conversationId(random), seq(random))),
    RECEIPT(ReceiptEvent.class, RandomFrames::receiptEvent),
    TYPING(TypingEvent.class,
        random -> new TypingEvent(conversationId(random), userId(random), random.nextBoolean())),
    PRESENCE(PresenceEvent.class, random -> new PresenceEvent(
        new Presence(userId(random), oneOf(random, PresenceState.class), millis(random)))),
    CONVERSATION_UPDATED(ConversationUpdated.class, random -> new ConversationUpdated(conversation(random))),
    MEMBER_CHANGED(MemberChanged.class, RandomFrames::memberChanged),
    MEMBER_STATE(MemberStateChanged.class, random -> new MemberStateChanged(memberState(random))),
    SYNC_BATCH(SyncBatch.class, RandomFrames::syncBatch),
    HISTORY_PAGE(HistoryPage.class, RandomFrames::historyPage),
    PONG(Pong.class, random -> new Pong());

    final Class<? extends ServerFrame> type;
    private final Function<Random, ? extends ServerFrame> generator;

    ServerKind(Class<? extends ServerFrame> type, Function<Random, ? extends ServerFrame> generator) {
      this.type = type;
      this.generator = generator;
    }

    ServerFrame generate(Random random) {
      return generator.apply(random);
    }

    boolean isFeedEvent() {
      return FeedEvent.class.isAssignableFrom(type);
    }
  }

  static ClientFrame clientFrame(Random random) {
    return oneOf(random, ClientKind.class).generate(random);
  }

  static ServerFrame serverFrame(Random random) {
    return oneOf(random, ServerKind.class).generate(random);
  }

  /** The wire text of a random client frame with a random request id. */
  static String clientFrameText(Random random) {
    return ProtocolCodec.encodeClient(requestId(random), clientFrame(random));
  }

  /** The wire text of a random server frame with a random request id. */
  static String serverFrameText(Random random) {
    return ProtocolCodec.encodeServer(requestId(random), serverFrame(random));
  }

  // ---- primitives

  /**
   * Any text: arbitrary UTF-16 (lone surrogates and controls included), escaping hazards, emoji sequences, HTML, or
   * a mix of these.
   */
  static String text(Random random) {
    if (random.nextInt(5) == 0) {
      StringBuilder mix = new StringBuilder();
      for (int parts = 2 + random.nextInt(2); parts > 0; parts--) {
        mix.append(plainText(random));
      }
      return mix.toString();
    }
    return plainText(random);
  }

  private static String plainText(Random random) {
    switch (random.nextInt(4)) {
      case 0:
        return Randomized.anyChars(random, 0, 30);
      case 1:
        return stringOf(random, 0, 30, NASTY_CHARS);
      case 2:
        return String.join("", listOf(random, 0, 6, r -> oneOf(r, EMOJI_PARTS)));
      default:
        return oneOf(random, SPECIAL_TEXTS);
    }
  }

  static long id(Random random) {
    return longBetween(random, 1, MAX_SAFE);
  }

  static long seq(Random random) {
    return longBetween(random, 1, MAX_SAFE);
  }

  static long seqOrZero(Random random) {
    return longBetween(random, 0, MAX_SAFE);
  }

  static long millis(Random random) {
    return longBetween(random, 0, MAX_SAFE);
  }

  static ConversationId conversationId(Random random) {
    return ConversationId.of(id(random));
  }

  static UserId userId(Random random) {
    return UserId.of(id(random));
  }

  /** A request id; {@code null} (no id) about a third of the time. */
  static String requestId(Random random) {
    return orNull(random, 0.3, RandomFrames::idToken);
  }

  /** 1..{@link ProtocolLimits#MAX_ID_CHARS} characters of {@code [A-Za-z0-9._:-]}. */
  static String idToken(Random random) {
    return stringOf(random, 1, ProtocolLimits.MAX_ID_CHARS, ID_CHARS);
  }

  /** 1..{@link Limits#MAX_CLIENT_ID_CHARS} characters of {@code [A-Za-z0-9_-]}. */
  static String clientId(Random random) {
    return stringOf(random, 1, Limits.MAX_CLIENT_ID_CHARS, CLIENT_ID_CHARS);
  }

  /** {@code ""} half of the time, else a generated value. */
  static String optional(Random random, Function<Random, String> values) {
    return random.nextBoolean() ? "" : values.apply(random);
  }

  static SyncToken syncToken(Random random) {
    return SyncToken.of(longBetween(random, 0, Long.MAX_VALUE), longBetween(random, 0, Long.MAX_VALUE));
  }

  /** A text of 1..{@link Limits#MAX_EMOJI_CHARS} code units. */
  static String emoji(Random random) {
    while (true) {
      String s = text(random);
      if (!s.isEmpty() && s.length() <= Limits.MAX_EMOJI_CHARS) {
        return s;
      }
    }
  }

  // ---- model

  static Attachment attachment(Random random) {
    return new Attachment(text(random), text(random), millis(random), intBetween(random, 0, Integer.MAX_VALUE),
        intBetween(random, 0, Integer.MAX_VALUE), millis(random), text(random), text(random));
  }

  static Forwarded forwarded(Random random) {
    return new Forwarded(new MessageRef(conversationId(random), seq(random)), userId(random));
  }

  static List<Mention> mentions(Random random) {
    return listOf(random, 0, 3, r -> new Mention(orNull(r, 0.2, RandomFrames::userId),
        intBetween(r, 0, Integer.MAX_VALUE), intBetween(r, 2, Integer.MAX_VALUE)));
  }

  static List<Reaction> reactions(Random random) {
    return listOf(random, 0, 3, r -> new Reaction(emoji(r), listOf(r, 0, 3, RandomFrames::userId)));
  }

  static Message message(Random random) {
    return new Message(conversationId(random), seq(random), userId(random), optional(random, RandomFrames::clientId),
        oneOf(random, MessageKind.class), text(random), orNull(random, 0.5, RandomFrames::attachment),
        optional(random, RandomFrames::idToken), seqOrZero(random), orNull(random, 0.5, RandomFrames::forwarded),
        mentions(random), reactions(random), millis(random), random.nextBoolean() ? 0 : millis(random),
        random.nextBoolean());
  }

  static Conversation conversation(Random random) {
    GroupSettings settings = new GroupSettings(oneOf(random, Audience.class), oneOf(random, Audience.class),
        oneOf(random, Audience.class), oneOf(random, Audience.class));
    return new Conversation(conversationId(random), oneOf(random, ConversationKind.class), text(random),
        text(random), settings, userId(random), seqOrZero(random), millis(random));
  }

  static MemberState memberState(Random random) {
    // 2^53 - 1 itself is the wire spelling of MUTED_FOREVER, so a finite mute stops one below it.
    long mutedUntil = random.nextBoolean() ? longBetween(random, 0, MAX_SAFE - 1) : MemberState.MUTED_FOREVER;
    long a = seqOrZero(random);
    long b = seqOrZero(random);
    return new MemberState(conversationId(random), userId(random), random.nextBoolean(), mutedUntil,
        random.nextBoolean(), random.nextBoolean(), Math.max(a, b), Math.min(a, b), seqOrZero(random));
  }

  // ---- client frames

  static Hello hello(Random random) {
    String token = charsBetween(random, 1, 200, '!', '~');
    String version = charsBetween(random, 0, ProtocolLimits.MAX_CLIENT_VERSION_CHARS, ' ', '~');
    return new Hello(token, orNull(random, 0.5, RandomFrames::syncToken), optional(random, RandomFrames::idToken),
        version);
  }

  static Sync sync(Random random) {
    return new Sync(syncToken(random), intBetween(random, 1, ProtocolLimits.MAX_SYNC_LIMIT));
  }

  static SendMessage sendMessage(Random random) {
    return new SendMessage(new OutgoingMessage(conversationId(random), clientId(random),
        oneOf(random, MessageKind.class), text(random), orNull(random, 0.5, RandomFrames::attachment),
        optional(random, RandomFrames::idToken), seqOrZero(random), orNull(random, 0.5, RandomFrames::forwarded),
        mentions(random)));
  }

  static EditMessage editMessage(Random random) {
    return new EditMessage(conversationId(random), seq(random), text(random), mentions(random));
  }

  static DeleteMessage deleteMessage(Random random) {
    return new DeleteMessage(conversationId(random), seq(random), oneOf(random, DeleteScope.class));
  }

  static ReactToMessage reactToMessage(Random random) {
    return new ReactToMessage(conversationId(random), seq(random), emoji(random), random.nextBoolean());
  }

  static MarkReceipts markReceipts(Random random) {
    return new MarkReceipts(listOf(random, 1, 5, RandomFrames::receiptMark));
  }

  static ReceiptMark receiptMark(Random random) {
    while (true) {
      long delivered = seqOrZero(random);
      long read = seqOrZero(random);
      if (delivered > 0 || read > 0) {
        return new ReceiptMark(conversationId(random), delivered, read);
      }
    }
  }

  static SetTyping setTyping(Random random) {
    return new SetTyping(conversationId(random), random.nextBoolean());
  }

  static WatchPresence watchPresence(Random random) {
    return new WatchPresence(listOf(random, 0, 8, RandomFrames::userId));
  }

  static FetchHistory fetchHistory(Random random) {
    HistoryDirection direction = oneOf(random, HistoryDirection.class);
    long seq = seqOrZero(random);
    return new FetchHistory(conversationId(random), direction,
        direction == HistoryDirection.AROUND ? Math.max(1, seq) : seq,
        intBetween(random, 1, ProtocolLimits.MAX_HISTORY_LIMIT));
  }

  // ---- server frames

  static Welcome welcome(Random random) {
    return new Welcome(userId(random), idToken(random), syncToken(random), millis(random), id(random));
  }

  static Ack ack(Random random) {
    return new Ack(orNull(random, 0.5, RandomFrames::conversationId), seqOrZero(random),
        optional(random, RandomFrames::clientId), millis(random));
  }

  static ErrorFrame errorFrame(Random random) {
    String code = random.nextBoolean() ? oneOf(random, ErrorCode.class).wireName()
        : stringOf(random, 1, 20, "abcdefghijklmnopqrstuvwxyz_");
    return new ErrorFrame(code, text(random), random.nextBoolean());
  }

  static ReceiptEvent receiptEvent(Random random) {
    long a = seqOrZero(random);
    long b = seqOrZero(random);
    return new ReceiptEvent(conversationId(random), userId(random), Math.max(a, b), Math.min(a, b));
  }

  static MemberChanged memberChanged(Random random) {
    MemberRole role = oneOf(random, MemberRole.class);
    MemberChange change = oneOf(random, MemberChange.class);
    return new MemberChanged(conversationId(random), userId(random), change == MemberChange.REMOVED ? null : role,
        change);
  }

  static FeedEvent feedEvent(Random random) {
    ServerKind[] feedKinds = Arrays.stream(ServerKind.values()).filter(ServerKind::isFeedEvent)
        .toArray(ServerKind[]::new);
    return (FeedEvent) oneOf(random, feedKinds).generate(random);
  }

  static SyncBatch syncBatch(Random random) {
    return new SyncBatch(listOf(random, 0, 4, RandomFrames::feedEvent), syncToken(random), random.nextBoolean());
  }

  static HistoryPage historyPage(Random random) {
    ConversationId conversationId = conversationId(random);
    List<Message> messages = listOf(random, 0, 4, RandomFrames::message);
    return new HistoryPage(conversationId, inConversation(conversationId, messages, seq(random)),
        random.nextBoolean(), random.nextBoolean());
  }

  /** The messages moved into one conversation with consecutive seqs, as a history page requires. */
  private static List<Message> inConversation(ConversationId conversationId, List<Message> messages, long firstSeq) {
    List<Message> result = new ArrayList<>();
    long seq = Math.min(firstSeq, MAX_SAFE - messages.size());
    for (Message m : messages) {
      result.add(new Message(conversationId, seq++, m.senderId(), m.clientId(), m.kind(), m.text(), m.attachment(),
          m.stickerId(), m.replyToSeq(), m.forwarded(), m.mentions(), m.reactions(), m.sentAtMillis(),
          m.editedAtMillis(), m.deletedForEveryone()));
    }
    return result;
  }
}
