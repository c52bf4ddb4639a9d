package io.senchat.store.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.senchat.domain.common.ErrorCode;
import io.senchat.domain.conversation.Conversation;
import io.senchat.domain.message.Message;
import io.senchat.domain.user.UserId;
import io.senchat.store.conversation.MemberStateChange;
import io.senchat.store.testing.StoreContract;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Test;

/** Contract of {@link ChangeFeed}: order, no skipped in-flight events, membership filtering, private events. */
public abstract class ChangeFeedContract extends StoreContract {

  @Test
  void eventsComeInCommitSafeOrderWithPositions() {
    UserId a = newUser();
    UserId b = newUser();
    FeedPosition start = store.changes().head();
    Conversation c = store.conversations().openDirect(a, b).conversation();
    Message m1 = send(c, a, "one").message();
    Message m2 = send(c, b, "two").message();
    store.receipts().markRead(c.id(), b, m2.seq());

    List<ChangeEvent> events = awaitEvents(b, start, 4);
    assertEquals(List.of(ChangeKind.CONVERSATION_CREATED, ChangeKind.MESSAGE_NEW, ChangeKind.MESSAGE_NEW,
        ChangeKind.READ), events.stream().map(ChangeEvent::kind).toList());
    assertEquals(List.of(0L, m1.seq(), m2.seq(), m2.seq()), events.stream().map(ChangeEvent::seq).toList());
    assertEquals(a, events.get(1).subject());
    assertEquals(b, events.get(3).subject());
    for (int i = 1; i < events.size(); i++) {
      assertTrue(events.get(i - 1).position().compareTo(events.get(i).position()) < 0);
    }
    assertEquals(events.get(3).position(), FeedPosition.parse(events.get(3).position().token()));
  }

  @Test
  void aTransactionStillInFlightHoldsBackLaterCommits() {
    UserId a = newUser();
    UserId b = newUser();
    Conversation slow = newGroup(a, b);
    Conversation fast = newGroup(a, b);
    FeedPosition start = awaitHead(b);

    try (Handle transactionA = jdbi.open()) {
      // Transaction A: the store's append protocol, statements done (xid and event id assigned), not committed.
      transactionA.begin();
      long slowSeq = transactionA.attach(InFlightAppendDao.class).append(slow.id().value(), a.value(), "slow-1", "A");

      // Transaction B starts after A and commits first.
      Message committed = send(fast, a, "B").message();
      ChangePage duringA = store.changes().changesSince(b, start, 100);
      assertTrue(duringA.events().stream().noneMatch(e -> e.conversationId().equals(fast.id())),
          "B must not be handed out while A (older) may still commit: " + duringA.events());

      transactionA.commit();
      List<ChangeEvent> after = awaitEvents(b, duringA.next(), 2);
      assertEquals(List.of(slow.id(), fast.id()), after.stream().map(ChangeEvent::conversationId).toList(),
          "A's event first, then B's");
      assertEquals(List.of(slowSeq, committed.seq()), after.stream().map(ChangeEvent::seq).toList());
      assertTrue(after.get(0).position().compareTo(after.get(1).position()) < 0);
    }
  }

  @Test
  void onlyMembersSeeConversationEvents() {
    UserId owner = newUser();
    UserId member = newUser();
    UserId outsider = newUser();
    FeedPosition start = awaitHead(owner);
    Conversation group = newGroup(owner, member);
    send(group, owner, "members only");
    awaitEvents(member, start, 2);
    assertTrue(store.changes().changesSince(outsider, start, 100).events().isEmpty());

    store.memberships().add(group.id(), owner, List.of(outsider));
    send(group, owner, "welcome");
    List<ChangeEvent> seen = awaitUntil(outsider, start, es -> es.stream()
        .anyMatch(e -> e.kind() == ChangeKind.MEMBER_ADDED && outsider.equals(e.subject())));
    assertTrue(seen.stream().allMatch(e -> e.conversationId().equals(group.id())));
  }

  @Test
  void removedMembersGetAPrivateNoticeAndNothingAfter() {
    UserId owner = newUser();
    UserId leaver = newUser();
    UserId stayer = newUser();
    Conversation group = newGroup(owner, leaver, stayer);
    FeedPosition start = awaitHead(owner);
    store.memberships().remove(group.id(), owner, leaver);
    send(group, owner, "after removal");
    List<ChangeEvent> stayerEvents = awaitEvents(stayer, start, 2);
    assertEquals(List.of(ChangeKind.MEMBER_REMOVED, ChangeKind.MESSAGE_NEW),
        stayerEvents.stream().map(ChangeEvent::kind).toList());
    assertFalse(stayerEvents.get(0).isPrivate());

    List<ChangeEvent> leaverEvents = store.changes().changesSince(leaver, start, 100).events();
    assertEquals(1, leaverEvents.size(), leaverEvents.toString());
    assertEquals(ChangeKind.MEMBER_REMOVED, leaverEvents.get(0).kind());
    assertEquals(leaver, leaverEvents.get(0).audience());
    assertEquals(owner, leaverEvents.get(0).actor());
  }

  @Test
  void privateEventsReachOnlyTheirUser() {
    UserId a = newUser();
    UserId b = newUser();
    Conversation c = store.conversations().openDirect(a, b).conversation();
    Message m = send(c, a, "hide me").message();
    FeedPosition start = awaitHead(a);
    store.messages().deleteForMe(m.ref(), b);
    store.memberStates().update(c.id(), b, MemberStateChange.pinned(true));
    send(c, a, "marker");

    List<ChangeEvent> bEvents = awaitEvents(b, start, 3);
    assertEquals(List.of(ChangeKind.MESSAGE_HIDDEN, ChangeKind.MEMBER_STATE, ChangeKind.MESSAGE_NEW),
        bEvents.stream().map(ChangeEvent::kind).toList());
    assertEquals(b, bEvents.get(0).audience());
    List<ChangeEvent> aEvents = awaitEvents(a, start, 1);
    assertEquals(List.of(ChangeKind.MESSAGE_NEW), aEvents.stream().map(ChangeEvent::kind).toList());
  }

  @Test
  void pagesWithBoundedLimits() {
    UserId a = newUser();
    Conversation c = newGroup(a);
    FeedPosition start = awaitHead(a);
    for (int i = 0; i < 7; i++) {
      send(c, a, "m" + i);
    }
    awaitEvents(a, start, 7);
    List<ChangeEvent> all = new ArrayList<>();
    FeedPosition position = start;
    ChangePage page;
    do {
      page = store.changes().changesSince(a, position, 3);
      assertTrue(page.events().size() <= 3);
      all.addAll(page.events());
      position = page.next();
    } while (page.hasMore());
    assertEquals(7, all.size());
    assertEquals(position, store.changes().changesSince(a, position, 3).next(), "empty page keeps the position");
    expectCode(ErrorCode.VALIDATION, () -> store.changes().changesSince(a, FeedPosition.START, 0));
    assertTrue(store.changes().changesSince(a, FeedPosition.START, 1_000_000).events().size() <= ChangeFeed.MAX_LIMIT);
  }

  @Test
  void headSkipsHistoryForFreshClients() {
    UserId a = newUser();
    Conversation c = newGroup(a);
    send(c, a, "old");
    FeedPosition head = awaitHead(a);
    assertTrue(store.changes().changesSince(a, head, 100).events().isEmpty());
    send(c, a, "new");
    List<ChangeEvent> fresh = awaitEvents(a, head, 1);
    assertEquals(ChangeKind.MESSAGE_NEW, fresh.get(0).kind());
    assertEquals(2, fresh.get(0).seq());
  }

  /** The head once every event of {@code user} written so far is visible (other tests' transactions may lag). */
  private FeedPosition awaitHead(UserId user) {
    FeedPosition head = store.changes().head();
    long deadline = System.currentTimeMillis() + 10_000;
    while (store.changes().changesSince(user, head, 1).hasMore() || !store.changes()
        .changesSince(user, head, 1).events().isEmpty()) {
      if (System.currentTimeMillis() > deadline) {
        break;
      }
      head = store.changes().head();
    }
    return head;
  }

  private List<ChangeEvent> awaitEvents(UserId user, FeedPosition after, int count) {
    List<ChangeEvent> events = awaitUntil(user, after, es -> es.size() >= count);
    assertEquals(count, events.size(), events.toString());
    return events;
  }

  /** Polls, because a transaction elsewhere in the cluster may briefly hold the feed's horizon back. */
  private List<ChangeEvent> awaitUntil(UserId user, FeedPosition after, Predicate<List<ChangeEvent>> done) {
    long deadline = System.currentTimeMillis() + 10_000;
    while (true) {
      List<ChangeEvent> events = store.changes().changesSince(user, after, 1000).events();
      if (done.test(events) || System.currentTimeMillis() > deadline) {
        return events;
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return events;
      }
    }
  }
}
