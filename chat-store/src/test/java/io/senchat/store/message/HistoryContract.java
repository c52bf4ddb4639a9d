package io.senchat.store.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.senchat.domain.common.ErrorCode;
import io.senchat.domain.conversation.Conversation;
import io.senchat.domain.message.Message;
import io.senchat.domain.message.MessageRef;
import io.senchat.domain.user.UserId;
import io.senchat.store.testing.StoreContract;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Contract of {@link MessageReader#history}: seq cursors both ways, around, limits, hidden and cleared messages. */
public abstract class HistoryContract extends StoreContract {

  private UserId alice;
  private UserId bob;
  private Conversation chat;

  @BeforeAll
  void fill() {
    alice = newUser();
    bob = newUser();
    chat = store.conversations().openDirect(alice, bob).conversation();
    List<NewMessage> batch = new ArrayList<>();
    for (int i = 1; i <= 300; i++) {
      batch.add(NewMessage.text(chat.id(), i % 2 == 0 ? alice : bob, "h-" + i, "message " + i));
    }
    store.messages().appendBatch(batch);
    // Bob hides 50 and 51 for himself.
    store.messages().deleteForMe(new MessageRef(chat.id(), 50), bob);
    store.messages().deleteForMe(new MessageRef(chat.id(), 51), bob);
  }

  @Test
  void newestPage() {
    MessagePage page = store.history().history(chat.id(), alice, HistoryRequest.newest(20));
    assertEquals(range(281, 300), seqs(page));
    assertTrue(page.hasOlder());
    assertFalse(page.hasNewer());
  }

  @Test
  void pagesBackwardsToTheStart() {
    List<Long> all = new ArrayList<>();
    MessagePage page = store.history().history(chat.id(), alice, HistoryRequest.newest(70));
    all.addAll(0, seqs(page));
    while (page.hasOlder()) {
      page = store.history().history(chat.id(), alice, HistoryRequest.before(page.messages().get(0).seq(), 70));
      assertTrue(page.hasNewer());
      all.addAll(0, seqs(page));
    }
    assertEquals(range(1, 300), all);
  }

  @Test
  void pagesForwards() {
    MessagePage page = store.history().history(chat.id(), alice, HistoryRequest.after(290, 5));
    assertEquals(range(291, 295), seqs(page));
    assertTrue(page.hasOlder());
    assertTrue(page.hasNewer());
    MessagePage end = store.history().history(chat.id(), alice, HistoryRequest.after(295, 5));
    assertEquals(range(296, 300), seqs(end));
    assertFalse(end.hasNewer());
    MessagePage start = store.history().history(chat.id(), alice, HistoryRequest.after(0, 3));
    assertEquals(range(1, 3), seqs(start));
    assertFalse(start.hasOlder());
  }

  @Test
  void pageAroundAMessage() {
    MessagePage page = store.history().history(chat.id(), alice, HistoryRequest.around(150, 3));
    assertEquals(range(147, 153), seqs(page));
    assertTrue(page.hasOlder());
    assertTrue(page.hasNewer());
    MessagePage edge = store.history().history(chat.id(), alice, HistoryRequest.around(2, 3));
    assertEquals(range(1, 5), seqs(edge));
    assertFalse(edge.hasOlder());
    MessagePage last = store.history().history(chat.id(), alice, HistoryRequest.around(300, 3));
    assertEquals(range(297, 300), seqs(last));
    assertFalse(last.hasNewer());
  }

  @Test
  void hiddenMessagesAreSkippedForTheirUserOnly() {
    assertEquals(List.of(48L, 49L, 52L, 53L), seqs(store.history().history(chat.id(), bob,
        HistoryRequest.after(47, 4))));
    assertEquals(List.of(48L, 49L, 52L, 53L), seqs(store.history().history(chat.id(), bob,
        HistoryRequest.around(51, 2))), "around a message hidden for the reader: 2 visible each side");
    assertEquals(range(48, 51), seqs(store.history().history(chat.id(), alice, HistoryRequest.after(47, 4))));
  }

  @Test
  void limitsAreBounded() {
    assertEquals(MessageReader.MAX_PAGE,
        store.history().history(chat.id(), alice, HistoryRequest.newest(10_000)).messages().size());
    expectCode(ErrorCode.VALIDATION, () -> store.history().history(chat.id(), alice, HistoryRequest.newest(0)));
    assertEquals(201, store.history().history(chat.id(), alice, HistoryRequest.around(150, 1000)).messages().size());
  }

  @Test
  void nonMembersReadNothing() {
    expectCode(ErrorCode.NOT_MEMBER, () -> store.history().history(chat.id(), newUser(), HistoryRequest.newest(5)));
    assertTrue(store.history().load(newUser(), List.of(new MessageRef(chat.id(), 1))).isEmpty());
  }

  @Test
  void clearedHistoryStaysClearedForThatMember() {
    UserId a = newUser();
    UserId b = newUser();
    Conversation c = store.conversations().openDirect(a, b).conversation();
    for (int i = 0; i < 5; i++) {
      send(c, a, "old " + i);
    }
    store.memberStates().clearHistory(c.id(), b);
    send(c, a, "new");
    MessagePage page = store.history().history(c.id(), b, HistoryRequest.newest(50));
    assertEquals(List.of(6L), seqs(page));
    assertFalse(page.hasOlder());
    assertTrue(store.history().history(c.id(), b, HistoryRequest.before(3, 10)).messages().isEmpty());
    assertEquals(6, store.history().history(c.id(), a, HistoryRequest.newest(50)).messages().size());
  }

  private static List<Long> seqs(MessagePage page) {
    return page.messages().stream().map(Message::seq).toList();
  }

  private static List<Long> range(long from, long to) {
    return LongStream.rangeClosed(from, to).boxed().toList();
  }
}
