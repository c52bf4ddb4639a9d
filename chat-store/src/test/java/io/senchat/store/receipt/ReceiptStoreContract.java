package io.senchat.store.receipt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.senchat.domain.common.ErrorCode;
import io.senchat.domain.conversation.Conversation;
import io.senchat.domain.user.UserId;
import io.senchat.store.testing.StoreContract;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Contract of {@link ReceiptStore}: monotonic, capped, read implies delivered, batched. */
public abstract class ReceiptStoreContract extends StoreContract {

  @Test
  void marksOnlyRise() {
    UserId a = newUser();
    UserId b = newUser();
    Conversation c = conversationWith(a, b, 10);
    assertEquals(new ReceiptMarks(c.id(), b, 5, 0), store.receipts().markDelivered(c.id(), b, 5));
    assertEquals(new ReceiptMarks(c.id(), b, 5, 0), store.receipts().markDelivered(c.id(), b, 3), "lower ignored");
    assertEquals(new ReceiptMarks(c.id(), b, 5, 2), store.receipts().markRead(c.id(), b, 2));
    assertEquals(new ReceiptMarks(c.id(), b, 5, 2), store.receipts().markRead(c.id(), b, 1));
  }

  @Test
  void readRaisesDeliveredAndBothAreCappedAtLastSeq() {
    UserId a = newUser();
    UserId b = newUser();
    Conversation c = conversationWith(a, b, 4);
    assertEquals(new ReceiptMarks(c.id(), b, 3, 3), store.receipts().markRead(c.id(), b, 3));
    assertEquals(new ReceiptMarks(c.id(), b, 4, 4), store.receipts().markRead(c.id(), b, 1_000));
    assertEquals(new ReceiptMarks(c.id(), b, 4, 4), store.receipts().markDelivered(c.id(), b, Long.MAX_VALUE));
    send(c, a, "five");
    assertEquals(new ReceiptMarks(c.id(), b, 5, 4), store.receipts().markDelivered(c.id(), b, 99));
  }

  @Test
  void marksManyConversationsInOneCall() {
    UserId me = newUser();
    Conversation c1 = conversationWith(newUser(), me, 3);
    Conversation c2 = conversationWith(newUser(), me, 6);
    Conversation notMine = conversationWith(newUser(), newUser(), 2);
    List<ReceiptMarks> marks = store.receipts().mark(me, List.of(
        new ReceiptUpdate(c1.id(), 3, 1),
        new ReceiptUpdate(c2.id(), 2, 0),
        new ReceiptUpdate(c2.id(), 0, 5),
        new ReceiptUpdate(notMine.id(), 2, 2)));
    assertEquals(List.of(new ReceiptMarks(c1.id(), me, 3, 1), new ReceiptMarks(c2.id(), me, 5, 5)),
        marks.stream().sorted((x, y) -> x.conversationId().compareTo(y.conversationId())).toList());
    expectCode(ErrorCode.NOT_MEMBER, () -> store.receipts().markRead(notMine.id(), me, 1));
    assertTrue(store.receipts().mark(me, List.of()).isEmpty());
  }

  @Test
  void listsEveryMembersMarks() {
    UserId a = newUser();
    UserId b = newUser();
    Conversation c = conversationWith(a, b, 3);
    store.receipts().markRead(c.id(), b, 2);
    List<ReceiptMarks> marks = store.receipts().marks(c.id());
    assertEquals(2, marks.size());
    assertTrue(marks.contains(new ReceiptMarks(c.id(), b, 2, 2)));
    assertTrue(marks.contains(new ReceiptMarks(c.id(), a, 0, 0)));
  }

  @Test
  void emitsReadAndDeliveredEventsOnlyWhenMarksRise() {
    UserId a = newUser();
    UserId b = newUser();
    Conversation c = conversationWith(a, b, 5);
    store.receipts().markDelivered(c.id(), b, 4);
    store.receipts().markRead(c.id(), b, 2);
    store.receipts().markRead(c.id(), b, 2);
    store.receipts().markRead(c.id(), b, 5);
    List<String> events = jdbi.withHandle(h -> h.createQuery("""
            SELECT kind || ':' || seq FROM change_event
            WHERE conversation_id = :c AND kind IN ('READ', 'DELIVERED') ORDER BY id""")
        .bind("c", c.id().value()).mapTo(String.class).list());
    assertEquals(List.of("DELIVERED:4", "READ:2", "READ:5"), events);
  }

  private Conversation conversationWith(UserId a, UserId b, int messages) {
    Conversation c = store.conversations().openDirect(a, b).conversation();
    for (int i = 0; i < messages; i++) {
      send(c, a, "m" + i);
    }
    return c;
  }
}
