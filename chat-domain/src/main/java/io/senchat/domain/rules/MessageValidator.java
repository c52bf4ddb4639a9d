package io.senchat.domain.rules;

import static io.senchat.domain.rules.Violations.require;

import io.senchat.domain.common.Texts;
import io.senchat.domain.conversation.ConversationKind;
import io.senchat.domain.message.Attachment;
import io.senchat.domain.message.Mention;
import io.senchat.domain.message.MessageKind;
import io.senchat.domain.message.OutgoingMessage;
import java.util.List;

/**
 * Rules for what a client may send: kind against fields, text, attachment, mentions, ids and emoji. Every
 * failure throws {@code ChatException(VALIDATION)} with a message naming the field and the limit.
 */
public final class MessageValidator {

  private MessageValidator() {
  }

  /** Validates a message a client wants to send into a conversation of {@code kind}. */
  public static void validateNew(OutgoingMessage message, ConversationKind conversationKind) {
    validateClientId(message.clientId());
    MessageKind kind = message.kind();
    require(kind != MessageKind.SYSTEM, "kind SYSTEM is reserved for the server");
    require(message.replyToSeq() >= 0, "replyToSeq must not be negative");
    validateText(message.text());
    switch (kind) {
      case TEXT -> {
        require(!Texts.isBlank(message.text()), "text must not be blank for a TEXT message");
        require(message.attachment() == null, "a TEXT message must not carry an attachment");
        require(message.stickerId().isEmpty(), "a TEXT message must not carry a stickerId");
      }
      case STICKER -> {
        validateStickerId(message.stickerId());
        require(message.attachment() == null, "a STICKER message must not carry an attachment");
        require(message.text().isEmpty(), "a STICKER message must not carry text");
      }
      default -> {
        require(message.attachment() != null, "a " + kind + " message needs an attachment");
        require(message.stickerId().isEmpty(), "a " + kind + " message must not carry a stickerId");
        validateAttachment(kind, message.attachment());
      }
    }
    validateMentions(message.text(), message.mentions(), conversationKind);
  }

  /** Validates the new text and mentions of an edit; a TEXT message may not be edited to blank. */
  public static void validateEdit(MessageKind kind, String newText, List<Mention> mentions,
      ConversationKind conversationKind) {
    validateText(newText);
    if (kind == MessageKind.TEXT) {
      require(!Texts.isBlank(newText), "text must not be blank for a TEXT message");
    }
    validateMentions(newText, mentions, conversationKind);
  }

  /** Text (or caption) is at most {@link Limits#MAX_TEXT_CHARS} code points, without NUL or lone surrogates. */
  public static void validateText(String text) {
    require(text != null, "text must not be null");
    require(Texts.isWellFormed(text), "text contains a NUL character or an unpaired surrogate");
    int length = Texts.codePointCount(text);
    require(length <= Limits.MAX_TEXT_CHARS,
        "text must be at most " + Limits.MAX_TEXT_CHARS + " characters, got " + length);
  }

  /** A client id is 1..64 of {@code [A-Za-z0-9_-]}. */
  public static boolean isValidClientId(String clientId) {
    return clientId != null && isToken(clientId, Limits.MAX_CLIENT_ID_CHARS, "_-");
  }

  public static void validateClientId(String clientId) {
    require(isValidClientId(clientId), "clientId must be 1 to " + Limits.MAX_CLIENT_ID_CHARS
        + " characters of A-Z, a-z, 0-9, '_' and '-'");
  }

  /** A sticker id is 1..64 of {@code [A-Za-z0-9_.:-]}. */
  public static void validateStickerId(String stickerId) {
    require(stickerId != null && isToken(stickerId, Limits.MAX_STICKER_ID_CHARS, "_.:-"),
        "stickerId must be 1 to " + Limits.MAX_STICKER_ID_CHARS + " characters of A-Z, a-z, 0-9, '_', '.', ':' and '-'");
  }

  /**
   * An attachment of a media {@code kind}: MIME family matching the kind (image/* for IMAGE, video/* for VIDEO,
   * audio/* for VOICE, anything for FILE), 0 &lt; size ≤ 100 MiB, non-negative dimensions and duration, and
   * http(s) or server-relative URLs only so no {@code javascript:} URL ever reaches an {@code href}.
   */
  public static void validateAttachment(MessageKind kind, Attachment attachment) {
    require(attachment != null, "attachment is required");
    require(attachment.sizeBytes() > 0, "attachment size must be positive, got " + attachment.sizeBytes());
    require(attachment.sizeBytes() <= Limits.MAX_ATTACHMENT_BYTES, "attachment must be at most "
        + Limits.MAX_ATTACHMENT_BYTES + " bytes (100 MiB), got " + attachment.sizeBytes());
    require(attachment.width() >= 0 && attachment.height() >= 0, "attachment width and height must not be negative");
    require(attachment.durationMillis() >= 0, "attachment durationMillis must not be negative");
    require(attachment.name().length() <= Limits.MAX_FILE_NAME_CHARS,
        "attachment name must be at most " + Limits.MAX_FILE_NAME_CHARS + " characters");
    require(Texts.isWellFormed(attachment.name()), "attachment name contains an invalid character");
    for (int i = 0; i < attachment.name().length(); i++) {
      require(!Texts.isControl(attachment.name().charAt(i)), "attachment name must not contain control characters");
    }
    String family = mimeFamily(attachment.mimeType());
    require(family != null, "attachment mimeType must look like type/subtype, got \"" + attachment.mimeType() + "\"");
    switch (kind) {
      case IMAGE -> {
        require(family.equals("image"), "an IMAGE attachment needs an image/* mimeType");
        // SVG can carry scripts; it may travel as a FILE but is never shown inline as an image.
        require(!baseMimeType(attachment.mimeType()).equals("image/svg+xml"), "image/svg+xml must be sent as a FILE");
      }
      case VIDEO -> require(family.equals("video"), "a VIDEO attachment needs a video/* mimeType");
      case VOICE -> require(family.equals("audio"), "a VOICE attachment needs an audio/* mimeType");
      case FILE -> {
        // Any well-formed type: files are downloaded, not rendered.
      }
      default -> throw Violations.invalid("a " + kind + " message cannot carry an attachment");
    }
    require(isSafeUrl(attachment.url()), "attachment url must be an http(s) URL or a server path");
    require(attachment.thumbnailUrl().isEmpty() || isSafeUrl(attachment.thumbnailUrl()),
        "attachment thumbnailUrl must be empty, an http(s) URL or a server path");
  }

  /**
   * Mentions lie inside the text, in order and without overlap, start with '@' followed by username characters,
   * number at most {@link Limits#MAX_MENTIONS}; {@code @all} only in groups. Whether a username is a member is
   * the server's business: it re-resolves mentions with {@code MentionParser}.
   */
  public static void validateMentions(String text, List<Mention> mentions, ConversationKind conversationKind) {
    require(mentions.size() <= Limits.MAX_MENTIONS,
        "a message may have at most " + Limits.MAX_MENTIONS + " mentions, got " + mentions.size());
    int previousEnd = 0;
    for (Mention mention : mentions) {
      int start = mention.start();
      int end = start + mention.length();
      require(UserValidator.isMentionShape(text, start, end), "mention at " + start
          + " must cover '@' and a username of " + Limits.MIN_USERNAME_CHARS + " to " + Limits.MAX_USERNAME_CHARS
          + " characters inside the text");
      require(start >= previousEnd, "mentions must be in text order and must not overlap");
      if (mention.isAll()) {
        require(conversationKind == ConversationKind.GROUP, "@all is only allowed in groups");
        require(Texts.regionEqualsIgnoreAsciiCase(text, start, "@all") && mention.length() == 4,
            "an @all mention must cover the text \"@all\"");
      }
      previousEnd = end;
    }
  }

  /** A reaction emoji: 1..32 UTF-16 units, at least one non-ASCII character, no whitespace or controls. */
  public static void validateEmoji(String emoji) {
    require(emoji != null && !emoji.isEmpty(), "emoji must not be empty");
    require(emoji.length() <= Limits.MAX_EMOJI_CHARS,
        "emoji must be at most " + Limits.MAX_EMOJI_CHARS + " UTF-16 units, got " + emoji.length());
    require(Texts.isWellFormed(emoji), "emoji contains an invalid character");
    boolean nonAscii = false;
    for (int i = 0; i < emoji.length(); i++) {
      char c = emoji.charAt(i);
      require(!Texts.isWhitespace(c) && !Texts.isControl(c), "emoji must not contain spaces or control characters");
      nonAscii |= c >= 0x80;
    }
    // Keycaps such as 1️⃣ start with ASCII, but every emoji has some non-ASCII part; words like "lol" do not.
    require(nonAscii, "emoji must be an emoji, not plain text");
  }

  private static boolean isToken(String s, int maxLength, String extraChars) {
    if (s.isEmpty() || s.length() > maxLength) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!Texts.isAsciiLetterOrDigit(c) && extraChars.indexOf(c) < 0) {
        return false;
      }
    }
    return true;
  }

  /** The lower-cased type of a well-formed {@code type/subtype[;params]} in printable ASCII, or {@code null}. */
  static String mimeFamily(String mimeType) {
    if (mimeType.length() > Limits.MAX_MIME_TYPE_CHARS) {
      return null;
    }
    for (int i = 0; i < mimeType.length(); i++) {
      char c = mimeType.charAt(i);
      if (c < ' ' || c > '~') {
        return null;
      }
    }
    String base = baseMimeType(mimeType);
    int slash = base.indexOf('/');
    if (slash <= 0 || slash == base.length() - 1) {
      return null;
    }
    for (int i = 0; i < base.length(); i++) {
      char c = base.charAt(i);
      // RFC 6838 restricted-name characters.
      if (i != slash && !Texts.isAsciiLetterOrDigit(c) && "!#$&^_.+-".indexOf(c) < 0) {
        return null;
      }
    }
    return base.substring(0, slash);
  }

  /** The part before any parameters, lower-cased, without the spaces allowed before ';'. */
  private static String baseMimeType(String mimeType) {
    int end = mimeType.indexOf(';');
    if (end < 0) {
      end = mimeType.length();
    }
    while (end > 0 && mimeType.charAt(end - 1) == ' ') {
      end--;
    }
    return Texts.asciiLowerCase(mimeType.substring(0, end));
  }

  private static boolean isSafeUrl(String url) {
    if (url.isEmpty() || url.length() > Limits.MAX_URL_CHARS) {
      return false;
    }
    for (int i = 0; i < url.length(); i++) {
      char c = url.charAt(i);
      if (c <= ' ' || c >= 0x7F) {
        return false;
      }
    }
    boolean serverPath = url.charAt(0) == '/' && (url.length() == 1 || url.charAt(1) != '/' && url.charAt(1) != '\\');
    return serverPath || Texts.regionEqualsIgnoreAsciiCase(url, 0, "https://")
        || Texts.regionEqualsIgnoreAsciiCase(url, 0, "http://");
  }
}
