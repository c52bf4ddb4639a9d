package io.senchat.store.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.senchat.domain.common.ErrorCode;
import io.senchat.domain.conversation.Audience;
import io.senchat.domain.conversation.Conversation;
import io.senchat.domain.conversation.ConversationKind;
import io.senchat.domain.conversation.GroupSettings;
import io.senchat.domain.conversation.MemberRole;
import io.senchat.domain.conversation.MemberState;
import io.senchat.domain.message.MessageRef;
import io.senchat.domain.user.UserId;
import io.senchat.store.message.AppendResult;
import io.senchat.store.testing.StoreContract;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.Test;

/** Contract of {@link ConversationStore} and {@link MemberStateStore}. */
public abstract class ConversationStoreContract extends StoreContract {

  @Test
  void directConversationIsUniquePerPair() {
    UserId a = newUser();
    UserId b = newUser();
    DirectConversation first = store.conversations().openDirect(a, b);
    assertTrue(first.created());
    assertEquals(ConversationKind.DIRECT, first.conversation().kind());
    DirectConversation again = store.conversations().openDirect(b, a);
    assertFalse(again.created());
    assertEquals(first.conversation(), again.conversation());
    assertEquals(2, store.memberships().list(first.conversation().id()).size());
    expectCode(ErrorCode.VALIDATION, () -> store.conversations().openDirect(a, a));
    expectCode(ErrorCode.NOT_FOUND, () -> store.conversations().openDirect(a, UserId.of(888_888_888)));
  }

  @Test
  void concurrentDirectOpensCreateOneConversation() throws Exception {
    UserId a = newUser();
    UserId b = newUser();
    int threads = 6;
    CyclicBarrier start = new CyclicBarrier(threads);
    List<CompletableFuture<DirectConversation>> opens = new ArrayList<>();
    for (int i = 0; i < threads; i++) {
      boolean flip = i % 2 == 0;
      opens.add(CompletableFuture.supplyAsync(() -> {
        await(start);
        return flip ? store.conversations().openDirect(a, b) : store.conversations().openDirect(b, a);
      }, runnable -> new Thread(runnable).start()));
    }
    List<DirectConversation> results = opens.stream().map(CompletableFuture::join).toList();
    assertEquals(1, results.stream().filter(DirectConversation::created).count());
    assertEquals(1, results.stream().map(r -> r.conversation().id()).distinct().count());
  }

  @Test
  void createsGroupsWithOwnerAndMembers() {
    UserId owner = newUser();
    UserId m1 = newUser();
    UserId m2 = newUser();
    Conversation group = store.conversations().createGroup(new NewGroup(owner, " Team ", "https://cdn/t.png",
        GroupSettings.DEFAULTS, List.of(m1, m2, m1, owner)));
    assertEquals("Team", group.title());
    assertEquals(0, group.lastSeq());
    var members = store.memberships().list(group.id());
    assertEquals(List.of(owner, m1, m2), members.stream().map(m -> m.userId()).toList());
    assertEquals(MemberRole.OWNER, members.get(0).role());
    assertEquals(MemberRole.MEMBER, members.get(1).role());
    expectCode(ErrorCode.NOT_FOUND, () -> newGroup(owner, UserId.of(777_777_777)));
  }

  @Test
  void groupInfoChangesFollowSettings() {
    UserId owner = newUser();
    UserId member = newUser();
    Conversation group = newGroup(owner, member);
    expectCode(ErrorCode.FORBIDDEN, () -> store.conversations().update(group.id(), member,
        ConversationChange.title("mine now")));
    expectCode(ErrorCode.NOT_MEMBER, () -> store.conversations().update(group.id(), newUser(),
        ConversationChange.title("outsider")));
    GroupSettings open = new GroupSettings(Audience.MEMBERS, Audience.MEMBERS, Audience.MEMBERS, Audience.MEMBERS);
    expectCode(ErrorCode.FORBIDDEN, () -> store.conversations().update(group.id(), member,
        ConversationChange.settings(open)));
    assertEquals(open, store.conversations().update(group.id(), owner, ConversationChange.settings(open)).settings());
    Conversation renamed = store.conversations().update(group.id(), member, ConversationChange.title("Renamed"));
    assertEquals("Renamed", renamed.title());
    assertEquals(open, renamed.settings());
    Conversation direct = store.conversations().openDirect(owner, member).conversation();
    expectCode(ErrorCode.VALIDATION, () -> store.conversations().update(direct.id(), owner,
        ConversationChange.title("x")));
  }

  @Test
  void listsPinnedFirstThenByActivityWithPaging() {
    UserId me = newUser();
    List<Conversation> groups = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      groups.add(newGroup(newUser(), me));
    }
    // Activity order (newest last): g0 created first ... then a message in g1 makes it the most recent.
    send(groups.get(1), me, "hello");
    store.memberStates().update(groups.get(3).id(), me, MemberStateChange.pinned(true));

    ConversationPage all = store.conversations().list(me, ConversationFilter.INBOX, null, 100);
    List<Long> ids = all.items().stream().map(s -> s.conversation().id().value()).toList();
    assertEquals(List.of(groups.get(3).id().value(), groups.get(1).id().value(), groups.get(4).id().value(),
        groups.get(2).id().value(), groups.get(0).id().value()), ids);
    assertNull(all.next());

    List<Long> paged = new ArrayList<>();
    ConversationCursor cursor = null;
    do {
      ConversationPage page = store.conversations().list(me, ConversationFilter.INBOX, cursor, 2);
      assertTrue(page.items().size() <= 2);
      page.items().forEach(s -> paged.add(s.conversation().id().value()));
      cursor = page.next() == null ? null : ConversationCursor.parse(page.next().token());
    } while (cursor != null);
    assertEquals(ids, paged);
    expectCode(ErrorCode.VALIDATION, () -> store.conversations().list(me, ConversationFilter.ALL, null, 0));
  }

  @Test
  void summariesCarryUnreadCountAndLastVisibleMessage() {
    UserId me = newUser();
    UserId friend = newUser();
    Conversation direct = store.conversations().openDirect(me, friend).conversation();
    send(direct, friend, "one");
    AppendResult two = send(direct, friend, "two");
    send(direct, me, "mine");
    AppendResult three = send(direct, friend, "three");
    store.messages().deleteForEveryone(two.message().ref(), friend);

    ConversationSummary summary = only(me);
    assertEquals(friend, summary.peer());
    assertEquals(2, summary.unreadCount(), "one + three: not my own, not deleted");
    assertEquals("three", summary.lastMessage().text());
    assertEquals(2, summary.memberCount());

    store.receipts().markRead(direct.id(), me, three.message().seq() - 1);
    assertEquals(1, only(me).unreadCount());
    store.messages().deleteForMe(three.message().ref(), me);
    ConversationSummary hidden = only(me);
    assertEquals(0, hidden.unreadCount());
    assertEquals("mine", hidden.lastMessage().text(), "last message the reader can still see");

    store.memberStates().clearHistory(direct.id(), me);
    ConversationSummary cleared = only(me);
    assertNull(cleared.lastMessage());
    assertEquals(0, cleared.unreadCount());
    assertEquals(three.message().seq(), cleared.state().clearedThroughSeq());
  }

  @Test
  void unreadCountSaturatesAtTheCap() {
    UserId me = newUser();
    UserId friend = newUser();
    Conversation direct = store.conversations().openDirect(me, friend).conversation();
    List<io.senchat.store.message.NewMessage> batch = new ArrayList<>();
    for (int i = 0; i < ConversationStore.UNREAD_CAP + 5; i++) {
      batch.add(io.senchat.store.message.NewMessage.text(direct.id(), friend, "cap-" + direct.id() + "-" + i, "m"));
    }
    store.messages().appendBatch(batch);
    assertEquals(ConversationStore.UNREAD_CAP, only(me).unreadCount());
  }

  @Test
  void filtersArchivedAndHidden() {
    UserId me = newUser();
    Conversation inbox = newGroup(newUser(), me);
    Conversation archived = newGroup(newUser(), me);
    Conversation hidden = newGroup(newUser(), me);
    store.memberStates().update(archived.id(), me, MemberStateChange.archived(true));
    store.memberStates().update(hidden.id(), me, MemberStateChange.hidden(true));
    assertEquals(List.of(inbox.id()), ids(me, ConversationFilter.INBOX));
    assertEquals(List.of(archived.id()), ids(me, ConversationFilter.ARCHIVED));
    assertEquals(List.of(hidden.id()), ids(me, ConversationFilter.HIDDEN));
    assertEquals(3, ids(me, ConversationFilter.ALL).size());
  }

  @Test
  void updatesMemberStateSelectively() {
    UserId me = newUser();
    Conversation group = newGroup(newUser(), me);
    MemberState muted = store.memberStates().update(group.id(), me, MemberStateChange.mutedUntil(MemberState.MUTED_FOREVER));
    assertEquals(MemberState.MUTED_FOREVER, muted.mutedUntilMillis());
    MemberState pinned = store.memberStates().update(group.id(), me, MemberStateChange.pinned(true));
    assertTrue(pinned.pinned());
    assertEquals(MemberState.MUTED_FOREVER, pinned.mutedUntilMillis(), "left unchanged");
    assertEquals(pinned, store.memberStates().find(group.id(), me).orElseThrow());
    expectCode(ErrorCode.NOT_MEMBER, () -> store.memberStates().update(group.id(), newUser(),
        MemberStateChange.pinned(true)));
  }

  @Test
  void lastMessageIsLoadedWithReactions() {
    UserId me = newUser();
    UserId friend = newUser();
    Conversation direct = store.conversations().openDirect(me, friend).conversation();
    AppendResult sent = send(direct, friend, "react to me");
    store.reactions().react(sent.message().ref(), me, "👍");
    assertEquals("👍", only(me).lastMessage().reactions().get(0).emoji());
    assertEquals(sent.message().ref(), new MessageRef(direct.id(), only(me).lastMessage().seq()));
  }

  private ConversationSummary only(UserId user) {
    List<ConversationSummary> items = store.conversations().list(user, ConversationFilter.ALL, null, 10).items();
    assertEquals(1, items.size());
    return items.get(0);
  }

  private List<io.senchat.domain.conversation.ConversationId> ids(UserId user, ConversationFilter filter) {
    return store.conversations().list(user, filter, null, 50).items().stream().map(s -> s.conversation().id())
        .toList();
  }

  private static void await(CyclicBarrier barrier) {
    try {
      barrier.await();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
