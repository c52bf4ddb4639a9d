package io.senchat.domain.rules;

import static io.senchat.domain.Fixtures.CONV;
import static io.senchat.domain.Fixtures.attachment;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.senchat.domain.common.ChatException;
import io.senchat.domain.common.ErrorCode;
import io.senchat.domain.conversation.ConversationKind;
import io.senchat.domain.message.Attachment;
import io.senchat.domain.message.Mention;
import io.senchat.domain.message.MessageKind;
import io.senchat.domain.message.OutgoingMessage;
import io.senchat.domain.user.UserId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MessageValidatorTest {

  private static final ConversationKind GROUP = ConversationKind.GROUP;
  private static final ConversationKind DIRECT = ConversationKind.DIRECT;

  private static OutgoingMessage message(MessageKind kind, String text, Attachment attachment, String stickerId,
      List<Mention> mentions) {
    return new OutgoingMessage(CONV, "client-1", kind, text, attachment, stickerId, 0, null, mentions);
  }

  private static OutgoingMessage media(MessageKind kind, Attachment attachment) {
    return message(kind, "", attachment, "", List.of());
  }

  private static ChatException invalid(Executable executable) {
    ChatException e = assertThrows(ChatException.class, executable);
    assertEquals(ErrorCode.VALIDATION, e.code());
    return e;
  }

  @Test
  void plainTextMessageIsValid() {
    assertDoesNotThrow(() -> MessageValidator.validateNew(OutgoingMessage.text(CONV, "abc", "hello"), DIRECT));
  }

  @Test
  void textOf4000CodePointsIsAcceptedAnd4001Rejected() {
    assertDoesNotThrow(() -> MessageValidator.validateNew(OutgoingMessage.text(CONV, "a", "x".repeat(4000)), GROUP));
    ChatException e = invalid(() -> MessageValidator.validateNew(OutgoingMessage.text(CONV, "a", "x".repeat(4001)), GROUP));
    assertTrue(e.getMessage().contains("4000") && e.getMessage().contains("4001"), e.getMessage());
  }

  @Test
  void textLengthCountsCodePointsSo4000EmojiAreAccepted() {
    String emoji = "😀".repeat(4000);
    assertEquals(8000, emoji.length());
    assertDoesNotThrow(() -> MessageValidator.validateText(emoji));
    invalid(() -> MessageValidator.validateText(emoji + "😀"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "\n\t", "\u3164", "\u200B"})
  void textMessageMustNotBeBlank(String text) {
    ChatException e = invalid(() -> MessageValidator.validateNew(OutgoingMessage.text(CONV, "a", text), DIRECT));
    assertTrue(e.getMessage().contains("blank"), e.getMessage());
  }

  @Test
  void textWithNulOrLoneSurrogateIsRejectedBecauseItCannotBeStored() {
    invalid(() -> MessageValidator.validateText("a\u0000b"));
    invalid(() -> MessageValidator.validateText("broken \uD83D emoji"));
  }

  @Test
  void systemMessagesCanNeverBeSentByAClient() {
    ChatException e = invalid(() -> MessageValidator.validateNew(message(MessageKind.SYSTEM, "x", null, "", List.of()), GROUP));
    assertTrue(e.getMessage().contains("SYSTEM"), e.getMessage());
  }

  @Test
  void textMessageMustNotCarryAnAttachmentOrSticker() {
    invalid(() -> MessageValidator.validateNew(message(MessageKind.TEXT, "hi", attachment("image/png", 10), "", List.of()), DIRECT));
    invalid(() -> MessageValidator.validateNew(message(MessageKind.TEXT, "hi", null, "pack:1", List.of()), DIRECT));
  }

  @Test
  void stickerNeedsAStickerIdAndNothingElse() {
    assertDoesNotThrow(() -> MessageValidator.validateNew(message(MessageKind.STICKER, "", null, "cats:wave-1", List.of()), DIRECT));
    invalid(() -> MessageValidator.validateNew(message(MessageKind.STICKER, "", null, "", List.of()), DIRECT));
    invalid(() -> MessageValidator.validateNew(message(MessageKind.STICKER, "caption", null, "cats:1", List.of()), DIRECT));
    invalid(() -> MessageValidator.validateNew(message(MessageKind.STICKER, "", null, "bad id", List.of()), DIRECT));
    invalid(() -> MessageValidator.validateNew(message(MessageKind.STICKER, "", null, "x".repeat(65), List.of()), DIRECT));
  }

  @Test
  void mediaKindsNeedAnAttachment() {
    for (MessageKind kind : List.of(MessageKind.IMAGE, MessageKind.VIDEO, MessageKind.VOICE, MessageKind.FILE)) {
      ChatException e = invalid(() -> MessageValidator.validateNew(media(kind, null), DIRECT));
      assertTrue(e.getMessage().contains("attachment"), e.getMessage());
    }
  }

  @Test
  void mimeFamilyMustMatchTheKind() {
    assertDoesNotThrow(() -> MessageValidator.validateNew(media(MessageKind.IMAGE, attachment("image/jpeg", 1)), DIRECT));
    assertDoesNotThrow(() -> MessageValidator.validateNew(media(MessageKind.VIDEO, attachment("video/mp4", 1)), DIRECT));
    assertDoesNotThrow(() -> MessageValidator.validateNew(media(MessageKind.VOICE, attachment("audio/ogg; codecs=opus", 1)), DIRECT));
    assertDoesNotThrow(() -> MessageValidator.validateNew(media(MessageKind.FILE, attachment("application/pdf", 1)), DIRECT));
    assertDoesNotThrow(() -> MessageValidator.validateNew(media(MessageKind.IMAGE, attachment("IMAGE/PNG", 1)), DIRECT));
    invalid(() -> MessageValidator.validateNew(media(MessageKind.IMAGE, attachment("video/mp4", 1)), DIRECT));
    invalid(() -> MessageValidator.validateNew(media(MessageKind.VIDEO, attachment("image/gif", 1)), DIRECT));
    invalid(() -> MessageValidator.validateNew(media(MessageKind.VOICE, attachment("video/webm", 1)), DIRECT));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "image", "image/", "/png", "image/p ng", "image/png<script>", "text/html\u0000",
      " image/png", "image/png; x=\u00e9"})
  void malformedMimeTypesAreRejected(String mimeType) {
    invalid(() -> MessageValidator.validateNew(media(MessageKind.FILE, attachment(mimeType, 1)), DIRECT));
  }

  @Test
  void svgIsNeverAnInlineImageButMayTravelAsAFile() {
    invalid(() -> MessageValidator.validateNew(media(MessageKind.IMAGE, attachment("image/svg+xml", 1)), DIRECT));
    assertDoesNotThrow(() -> MessageValidator.validateNew(media(MessageKind.FILE, attachment("image/svg+xml", 1)), DIRECT));
  }

  @Test
  void attachmentOfExactly100MiBIsAcceptedAndOneByteMoreRejected() {
    assertDoesNotThrow(() -> MessageValidator.validateAttachment(MessageKind.FILE, attachment("application/zip", 104_857_600L)));
    ChatException e = invalid(() -> MessageValidator.validateAttachment(MessageKind.FILE, attachment("application/zip", 104_857_601L)));
    assertTrue(e.getMessage().contains("104857600"), e.getMessage());
  }

  @Test
  void emptyOrNegativeAttachmentSizeIsRejected() {
    invalid(() -> MessageValidator.validateAttachment(MessageKind.FILE, attachment("application/zip", 0)));
    invalid(() -> MessageValidator.validateAttachment(MessageKind.FILE, attachment("application/zip", -1)));
  }

  @Test
  void negativeDimensionsOrDurationAreRejected() {
    invalid(() -> MessageValidator.validateAttachment(MessageKind.IMAGE,
        new Attachment("a.png", "image/png", 1, -1, 10, 0, "https://cdn/x", "")));
    invalid(() -> MessageValidator.validateAttachment(MessageKind.IMAGE,
        new Attachment("a.png", "image/png", 1, 10, -1, 0, "https://cdn/x", "")));
    invalid(() -> MessageValidator.validateAttachment(MessageKind.VOICE,
        new Attachment("v.ogg", "audio/ogg", 1, 0, 0, -5, "https://cdn/x", "")));
    assertDoesNotThrow(() -> MessageValidator.validateAttachment(MessageKind.VIDEO,
        new Attachment("v.mp4", "video/mp4", 1, 1920, 1080, 60_000, "https://cdn/x", "https://cdn/t")));
  }

  @ParameterizedTest
  @ValueSource(strings = {"javascript:alert(1)", "JAVASCRIPT:alert(1)", "data:text/html,x", "//evil.example/x",
      "/\\evil.example", "", "https://cdn/a b", "ftp://x/y"})
  void attachmentUrlsOtherThanHttpOrServerPathsAreRejected(String url) {
    invalid(() -> MessageValidator.validateAttachment(MessageKind.FILE,
        new Attachment("f", "application/pdf", 1, 0, 0, 0, url, "")));
    invalid(() -> MessageValidator.validateAttachment(MessageKind.FILE,
        new Attachment("f", "application/pdf", 1, 0, 0, 0, "/blobs/1", url.isEmpty() ? "javascript:x" : url)));
  }

  @Test
  void serverPathsAndHttpUrlsAreAccepted() {
    assertDoesNotThrow(() -> MessageValidator.validateAttachment(MessageKind.FILE,
        new Attachment("f", "application/pdf", 1, 0, 0, 0, "/blobs/1", "HTTP://cdn.example/t")));
  }

  @Test
  void attachmentNameIsBoundedAndSingleLine() {
    assertDoesNotThrow(() -> MessageValidator.validateAttachment(MessageKind.FILE,
        new Attachment("n".repeat(255), "application/pdf", 1, 0, 0, 0, "/b", "")));
    invalid(() -> MessageValidator.validateAttachment(MessageKind.FILE,
        new Attachment("n".repeat(256), "application/pdf", 1, 0, 0, 0, "/b", "")));
    invalid(() -> MessageValidator.validateAttachment(MessageKind.FILE,
        new Attachment("a\nb", "application/pdf", 1, 0, 0, 0, "/b", "")));
  }

  @Test
  void captionsAreOptionalButBounded() {
    assertDoesNotThrow(() -> MessageValidator.validateNew(
        message(MessageKind.IMAGE, "look!", attachment("image/png", 5), "", List.of()), GROUP));
    invalid(() -> MessageValidator.validateNew(
        message(MessageKind.IMAGE, "x".repeat(4001), attachment("image/png", 5), "", List.of()), GROUP));
  }

  @ParameterizedTest
  @ValueSource(strings = {"a", "abc-DEF_123", "0123456789012345678901234567890123456789012345678901234567890123"})
  void validClientIds(String clientId) {
    assertTrue(MessageValidator.isValidClientId(clientId));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "with space", "dot.ted", "ü", "01234567890123456789012345678901234567890123456789012345678901234"})
  void invalidClientIdsAreRejectedNamingTheField(String clientId) {
    assertFalse(MessageValidator.isValidClientId(clientId));
    ChatException e = invalid(() -> MessageValidator.validateNew(OutgoingMessage.text(CONV, clientId, "hi"), DIRECT));
    assertTrue(e.getMessage().contains("clientId"), e.getMessage());
  }

  @Test
  void negativeReplyToSeqIsRejected() {
    invalid(() -> MessageValidator.validateNew(
        new OutgoingMessage(CONV, "c", MessageKind.TEXT, "hi", null, "", -1, null, List.of()), DIRECT));
  }

  @Test
  void mentionsMustLieOnAtSignsInsideTheText() {
    String text = "hi @bob and @carol";
    List<Mention> ok = List.of(new Mention(UserId.of(2), 3, 4), new Mention(UserId.of(3), 12, 6));
    assertDoesNotThrow(() -> MessageValidator.validateMentions(text, ok, DIRECT));
    invalid(() -> MessageValidator.validateMentions(text, List.of(new Mention(UserId.of(2), 2, 4)), DIRECT));
    invalid(() -> MessageValidator.validateMentions(text, List.of(new Mention(UserId.of(3), 12, 7)), DIRECT));
    invalid(() -> MessageValidator.validateMentions(text, List.of(new Mention(UserId.of(3), 40, 4)), DIRECT));
  }

  @Test
  void mentionsMustBeOrderedAndNotOverlap() {
    String text = "@bob @carol";
    invalid(() -> MessageValidator.validateMentions(text,
        List.of(new Mention(UserId.of(3), 5, 6), new Mention(UserId.of(2), 0, 4)), GROUP));
    invalid(() -> MessageValidator.validateMentions(text,
        List.of(new Mention(UserId.of(2), 0, 4), new Mention(UserId.of(2), 0, 4)), GROUP));
  }

  @Test
  void mentionRangeMustCoverAUsernameOnly() {
    invalid(() -> MessageValidator.validateMentions("@bo b", List.of(new Mention(UserId.of(2), 0, 5)), GROUP));
    invalid(() -> MessageValidator.validateMentions("@bo", List.of(new Mention(UserId.of(2), 0, 3)), GROUP));
  }

  @Test
  void atAllIsOnlyAllowedInGroupsAndMustReadAtAll() {
    assertDoesNotThrow(() -> MessageValidator.validateMentions("@All come", List.of(Mention.all(0, 4)), GROUP));
    ChatException e = invalid(() -> MessageValidator.validateMentions("@all come", List.of(Mention.all(0, 4)), DIRECT));
    assertTrue(e.getMessage().contains("@all"), e.getMessage());
    invalid(() -> MessageValidator.validateMentions("@bob come", List.of(Mention.all(0, 4)), GROUP));
  }

  @Test
  void fiftyMentionsAreAcceptedAnd51Rejected() {
    StringBuilder text = new StringBuilder();
    List<Mention> mentions = new ArrayList<>();
    for (int i = 0; i < 51; i++) {
      mentions.add(new Mention(UserId.of(i + 1), text.length(), 4));
      text.append("@u").append((char) ('a' + i % 26)).append((char) ('a' + i / 26)).append(' ');
    }
    assertDoesNotThrow(() -> MessageValidator.validateMentions(text.toString(), mentions.subList(0, 50), GROUP));
    ChatException e = invalid(() -> MessageValidator.validateMentions(text.toString(), mentions, GROUP));
    assertTrue(e.getMessage().contains("50"), e.getMessage());
  }

  @Test
  void editOfATextMessageMustNotBlankIt() {
    invalid(() -> MessageValidator.validateEdit(MessageKind.TEXT, "  ", List.of(), DIRECT));
    assertDoesNotThrow(() -> MessageValidator.validateEdit(MessageKind.IMAGE, "", List.of(), DIRECT));
    assertDoesNotThrow(() -> MessageValidator.validateEdit(MessageKind.TEXT, "fixed typo", List.of(), DIRECT));
    invalid(() -> MessageValidator.validateEdit(MessageKind.TEXT, "y".repeat(4001), List.of(), DIRECT));
  }

  @ParameterizedTest
  @ValueSource(strings = {"👍", "❤️", "1️⃣", "👩🏻‍❤️‍💋‍👨🏼", "🇻🇳"})
  void realEmojiAreValidReactions(String emoji) {
    assertDoesNotThrow(() -> MessageValidator.validateEmoji(emoji));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "lol", "+1", "👍 ", " ", "\uD83D", "a\u0000"})
  void textAndBrokenEmojiAreNotValidReactions(String emoji) {
    invalid(() -> MessageValidator.validateEmoji(emoji));
  }

  @Test
  void emojiOf32UnitsIsAcceptedAnd33Rejected() {
    assertDoesNotThrow(() -> MessageValidator.validateEmoji("😀".repeat(16)));
    invalid(() -> MessageValidator.validateEmoji("😀".repeat(16) + "é"));
  }
}
