package io.senchat.store.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.senchat.domain.common.ErrorCode;
import io.senchat.domain.conversation.Audience;
import io.senchat.domain.conversation.Conversation;
import io.senchat.domain.conversation.GroupSettings;
import io.senchat.domain.message.Attachment;
import io.senchat.domain.message.Forwarded;
import io.senchat.domain.message.Mention;
import io.senchat.domain.message.Message;
import io.senchat.domain.message.MessageKind;
import io.senchat.domain.message.MessageRef;
import io.senchat.domain.message.Reaction;
import io.senchat.domain.user.UserId;
import io.senchat.store.conversation.NewGroup;
import io.senchat.store.testing.StoreContract;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Contract of {@link MessageStore} and {@link ReactionStore}: appends, idempotency, gaplessness, edits, deletes. */
public abstract class MessageStoreContract extends StoreContract {

  private static final long MIB = 1024 * 1024;

  @Test
  void appendsWithConsecutiveSeqs() {
    UserId a = newUser();
    UserId b = newUser();
    Conversation c = store.conversations().openDirect(a, b).conversation();
    AppendResult first = store.messages().append(NewMessage.text(c.id(), a, "c1", "hi"));
    AppendResult second = store.messages().append(NewMessage.text(c.id(), b, "c1", "hello"));
    assertFalse(first.duplicate());
    assertEquals(1, first.message().seq());
    assertEquals(2, second.message().seq(), "client ids are per sender");
    assertEquals(2, lastSeq(c));
    Message stored = store.history().load(a, List.of(first.message().ref())).get(0);
    assertEquals(first.message(), stored, "what append returns is what a read returns");
  }

  @Test
  void aRetriedSendReturnsTheOriginal() {
    UserId a = newUser();
    Conversation c = newGroup(a, newUser());
    AppendResult original = store.messages().append(NewMessage.text(c.id(), a, "retry-1", "once"));
    send(c, a, "something else");
    AppendResult retry = store.messages().append(NewMessage.text(c.id(), a, "retry-1", "once"));
    assertTrue(retry.duplicate());
    assertEquals(original.message(), retry.message());
    assertEquals(2, lastSeq(c), "no seq burned by the retry");
    expectCode(ErrorCode.CONFLICT, () -> store.messages().append(
        NewMessage.text(newGroup(a).id(), a, "retry-1", "elsewhere")));
  }

  @Test
  void rejectsSendersWhoMayNotPost() {
    UserId owner = newUser();
    UserId member = newUser();
    Conversation c = store.conversations().createGroup(new NewGroup(owner, "announcements", "",
        new GroupSettings(Audience.ADMINS, Audience.ADMINS, Audience.ADMINS, Audience.ADMINS), List.of(member)));
    expectCode(ErrorCode.FORBIDDEN, () -> send(c, member, "may I?"));
    expectCode(ErrorCode.NOT_MEMBER, () -> send(c, newUser(), "outsider"));
    expectCode(ErrorCode.NOT_FOUND, () -> store.messages().append(
        NewMessage.text(io.senchat.domain.conversation.ConversationId.of(999_999_999), owner, "x", "nowhere")));
    assertEquals(1, send(c, owner, "announcement").message().seq());
    NewMessage system = new NewMessage(c.id(), newUser(), "sys-1", MessageKind.SYSTEM, "X left", null, "", 0, null,
        List.of());
    assertEquals(2, store.messages().append(system).message().seq(), "server-written SYSTEM messages skip the check");
  }

  @Test
  void aFailedBatchLeavesNoGapAndNoRows() {
    UserId a = newUser();
    Conversation c = newGroup(a);
    send(c, a, "before");
    Attachment huge = new Attachment("big.mp4", "video/mp4", 101 * MIB, 1920, 1080, 60_000, "https://cdn/big", "");
    List<NewMessage> batch = List.of(
        NewMessage.text(c.id(), a, "gap-1", "one"),
        NewMessage.text(c.id(), a, "gap-2", "two").withAttachment(MessageKind.VIDEO, huge),
        NewMessage.text(c.id(), a, "gap-3", "three"));
    expectCode(ErrorCode.VALIDATION, () -> store.messages().appendBatch(batch));
    assertEquals(1, lastSeq(c));
    long rows = jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM message WHERE conversation_id = :c")
        .bind("c", c.id().value()).mapTo(Long.class).one());
    assertEquals(1, rows);
    long events = jdbi.withHandle(h -> h.createQuery(
            "SELECT count(*) FROM change_event WHERE conversation_id = :c AND kind = 'MESSAGE_NEW'")
        .bind("c", c.id().value()).mapTo(Long.class).one());
    assertEquals(1, events);
    assertEquals(2, store.messages().append(NewMessage.text(c.id(), a, "gap-1", "one")).message().seq());
  }

  @Test
  void appendsBatchesAcrossConversationsInOrder() {
    UserId a = newUser();
    Conversation c1 = newGroup(a);
    Conversation c2 = newGroup(a);
    List<AppendResult> results = store.messages().appendBatch(List.of(
        NewMessage.text(c2.id(), a, "b-1", "x"),
        NewMessage.text(c1.id(), a, "b-2", "y"),
        NewMessage.text(c2.id(), a, "b-3", "z"),
        NewMessage.text(c2.id(), a, "b-1", "x")));
    assertEquals(List.of(1L, 1L, 2L, 1L), results.stream().map(r -> r.message().seq()).toList());
    assertEquals(List.of(false, false, false, true), results.stream().map(AppendResult::duplicate).toList());
    // Re-sending the whole batch (every send already committed) returns the originals without writing.
    List<AppendResult> again = store.messages().appendBatch(List.of(
        NewMessage.text(c2.id(), a, "b-3", "z"), NewMessage.text(c1.id(), a, "b-2", "y")));
    assertEquals(List.of(2L, 1L), again.stream().map(r -> r.message().seq()).toList());
    assertTrue(again.stream().allMatch(AppendResult::duplicate));
    assertEquals(2, lastSeq(c2));
    expectCode(ErrorCode.NOT_MEMBER, () -> store.messages().appendBatch(List.of(
        NewMessage.text(c1.id(), a, "b-4", "ok"), NewMessage.text(c1.id(), newUser(), "b-5", "not a member"))));
    assertEquals(1, lastSeq(c1), "all or nothing");
  }

  @Test
  void storesAttachmentsRepliesForwardsAndMentions() {
    UserId a = newUser();
    UserId b = newUser();
    Conversation c = newGroup(a, b);
    AppendResult first = send(c, b, "original");
    Attachment photo = new Attachment("cat.jpg", "image/jpeg", 100 * MIB, 4032, 3024, 0, "https://cdn/cat.jpg",
        "https://cdn/cat-thumb.jpg");
    NewMessage rich = NewMessage.text(c.id(), a, "rich-1", "@b look")
        .withAttachment(MessageKind.IMAGE, photo)
        .withReplyTo(first.message().seq())
        .withForwarded(new Forwarded(new MessageRef(c.id(), first.message().seq()), b))
        .withMentions(List.of(new Mention(b, 0, 2), Mention.all(3, 4)));
    Message appended = store.messages().append(rich).message();
    Message read = store.history().load(b, List.of(appended.ref())).get(0);
    assertEquals(appended, read);
    assertEquals(photo, read.attachment());
    assertEquals(first.message().seq(), read.replyToSeq());
    assertEquals(b, read.forwarded().originalSender());
    assertEquals(List.of(new Mention(b, 0, 2), Mention.all(3, 4)), read.mentions());

    expectCode(ErrorCode.VALIDATION, () -> store.messages().append(NewMessage.text(c.id(), a, "reply-ahead", "?")
        .withReplyTo(99)));
    expectCode(ErrorCode.VALIDATION, () -> store.messages().append(new NewMessage(c.id(), a, "no-file",
        MessageKind.FILE, "", null, "", 0, null, List.of())));
  }

  @Test
  void editsKeepTheirHistory() {
    UserId a = newUser();
    UserId b = newUser();
    Conversation c = newGroup(a, b);
    Message sent = send(c, a, "frist").message();
    clock.advanceMillis(1000);
    Message edited = store.messages().edit(sent.ref(), a, "first @b", List.of(new Mention(b, 6, 2)));
    assertEquals("first @b", edited.text());
    assertTrue(edited.isEdited());
    assertEquals(List.of(new Mention(b, 6, 2)), edited.mentions());
    store.messages().edit(sent.ref(), a, "first!", List.of());
    List<MessageEdit> edits = store.history().edits(sent.ref(), b);
    assertEquals(List.of("frist", "first @b"), edits.stream().map(MessageEdit::text).toList());
    assertEquals(List.of(1, 2), edits.stream().map(MessageEdit::version).toList());
    assertEquals(sent.sentAtMillis(), edits.get(0).writtenAtMillis());
    assertEquals(edited.editedAtMillis(), edits.get(1).writtenAtMillis());
    assertTrue(store.history().load(b, List.of(sent.ref())).get(0).mentions().isEmpty());
    expectCode(ErrorCode.FORBIDDEN, () -> store.messages().edit(sent.ref(), b, "not yours", List.of()));
    expectCode(ErrorCode.NOT_FOUND, () -> store.messages().edit(new MessageRef(c.id(), 99), a, "?", List.of()));
  }

  @Test
  void deleteForEveryoneErasesContentButKeepsTheSeq() {
    UserId owner = newUser();
    UserId a = newUser();
    UserId b = newUser();
    Conversation c = newGroup(owner, a, b);
    Message sent = store.messages().append(NewMessage.text(c.id(), a, "del-1", "secret @b")
        .withMentions(List.of(new Mention(b, 7, 2)))).message();
    store.reactions().react(sent.ref(), b, "😮");
    store.messages().edit(sent.ref(), a, "secret! @b", List.of(new Mention(b, 8, 2)));
    expectCode(ErrorCode.FORBIDDEN, () -> store.messages().deleteForEveryone(sent.ref(), b));
    Message deleted = store.messages().deleteForEveryone(sent.ref(), owner);
    assertTrue(deleted.deletedForEveryone());
    assertEquals("", deleted.text());
    assertTrue(deleted.mentions().isEmpty());
    assertTrue(deleted.reactions().isEmpty());
    assertEquals(sent.seq(), deleted.seq());
    assertTrue(store.history().edits(sent.ref(), b).isEmpty(), "old versions are content too");
    assertEquals(deleted, store.messages().deleteForEveryone(sent.ref(), a), "idempotent");
    expectCode(ErrorCode.VALIDATION, () -> store.messages().edit(sent.ref(), a, "revive", List.of()));
    expectCode(ErrorCode.VALIDATION, () -> store.reactions().react(sent.ref(), b, "👍"));
    assertEquals(1, lastSeq(c));
  }

  @Test
  void deleteForMeHidesOnlyForThatUser() {
    UserId a = newUser();
    UserId b = newUser();
    Conversation c = newGroup(a, b);
    Message m1 = send(c, a, "one").message();
    Message m2 = send(c, a, "two").message();
    store.messages().deleteForMe(m1.ref(), b);
    store.messages().deleteForMe(m1.ref(), b);
    assertEquals(List.of(m2.seq()), seqs(store.history().history(c.id(), b, HistoryRequest.newest(10))));
    assertEquals(List.of(m1.seq(), m2.seq()), seqs(store.history().history(c.id(), a, HistoryRequest.newest(10))));
    assertTrue(store.history().load(b, List.of(m1.ref())).isEmpty());
    expectCode(ErrorCode.NOT_MEMBER, () -> store.messages().deleteForMe(m2.ref(), newUser()));
  }

  @Test
  void reactionsKeepEmojiAndUserOrder() {
    UserId a = newUser();
    UserId b = newUser();
    UserId d = newUser();
    Conversation c = newGroup(a, b, d);
    MessageRef ref = send(c, a, "react").message().ref();
    store.reactions().react(ref, b, "❤️");
    store.reactions().react(ref, d, "😂");
    store.reactions().react(ref, a, "❤️");
    List<Reaction> reactions = store.reactions().react(ref, b, "❤️");
    assertEquals(List.of(new Reaction("❤️", List.of(b, a)), new Reaction("😂", List.of(d))), reactions);
    // Emojis are ordered by their earliest remaining reaction: with b's gone, a's ❤️ came after d's 😂.
    assertEquals(List.of(new Reaction("😂", List.of(d)), new Reaction("❤️", List.of(a))),
        store.reactions().unreact(ref, b, "❤️"));
    assertEquals(List.of(new Reaction("❤️", List.of(a))), store.reactions().unreact(ref, d, "😂"));
    assertEquals(store.history().load(a, List.of(ref)).get(0).reactions(), List.of(new Reaction("❤️", List.of(a))));
    expectCode(ErrorCode.NOT_MEMBER, () -> store.reactions().react(ref, newUser(), "👍"));
    expectCode(ErrorCode.VALIDATION, () -> store.reactions().react(ref, a, "x".repeat(40)));
  }

  @Test
  void findsMessagesMentioningAUser() {
    UserId a = newUser();
    UserId me = newUser();
    Conversation c1 = newGroup(a, me);
    Conversation c2 = newGroup(a, me);
    Message direct = store.messages().append(NewMessage.text(c1.id(), a, "m-1", "@me hi")
        .withMentions(List.of(new Mention(me, 0, 3)))).message();
    send(c1, a, "no mention");
    Message all = store.messages().append(NewMessage.text(c2.id(), a, "m-2", "@all hi")
        .withMentions(List.of(Mention.all(0, 4)))).message();
    Message both = store.messages().append(NewMessage.text(c2.id(), a, "m-3", "@me @all")
        .withMentions(List.of(new Mention(me, 0, 3), Mention.all(4, 4)))).message();
    Message hidden = store.messages().append(NewMessage.text(c2.id(), a, "m-4", "@me hidden")
        .withMentions(List.of(new Mention(me, 0, 3)))).message();
    store.messages().deleteForMe(hidden.ref(), me);

    List<MentionHit> hits = store.history().mentioning(me, 0, 10);
    assertEquals(List.of(both.ref(), all.ref(), direct.ref()), hits.stream().map(h -> h.message().ref()).toList());
    List<MentionHit> older = store.history().mentioning(me, hits.get(0).position(), 1);
    assertEquals(1, older.size());
    assertNotEquals(both.ref(), older.get(0).message().ref());

    store.memberships().remove(c2.id(), me, me);
    assertEquals(List.of(direct.ref()), store.history().mentioning(me, 0, 10).stream()
        .map(h -> h.message().ref()).toList(), "only conversations the user is in");
  }

  private static List<Long> seqs(MessagePage page) {
    return page.messages().stream().map(Message::seq).toList();
  }
}
