package io.senchat.store.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.senchat.domain.common.ChatException;
import io.senchat.domain.common.ErrorCode;
import io.senchat.domain.conversation.Audience;
import io.senchat.domain.conversation.Conversation;
import io.senchat.domain.conversation.GroupSettings;
import io.senchat.domain.conversation.Member;
import io.senchat.domain.conversation.MemberRole;
import io.senchat.domain.user.SystemRole;
import io.senchat.domain.user.UserId;
import io.senchat.store.testing.StoreContract;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Contract of {@link MembershipStore}, including the race-safe 500-member cap. */
public abstract class MembershipContract extends StoreContract {

  private List<UserId> crowd;

  @BeforeAll
  void makeCrowd() {
    // Bulk-insert 600 users through the store's own API would hash 600 passwords; cheap settings make it fast.
    crowd = newUsers(600);
  }

  @Test
  void addsAndSkipsExistingMembers() {
    UserId owner = newUser();
    UserId a = newUser();
    Conversation group = newGroup(owner, a);
    List<Member> added = store.memberships().add(group.id(), a, List.of(a, crowd.get(0), crowd.get(1)));
    assertEquals(List.of(crowd.get(0), crowd.get(1)), added.stream().map(Member::userId).toList());
    assertEquals(4, store.memberships().list(group.id()).size());
  }

  @Test
  void addingFollowsTheGroupSetting() {
    UserId owner = newUser();
    UserId member = newUser();
    Conversation group = store.conversations().createGroup(new NewGroup(owner, "strict", "",
        new GroupSettings(Audience.MEMBERS, Audience.ADMINS, Audience.ADMINS, Audience.ADMINS), List.of(member)));
    expectCode(ErrorCode.FORBIDDEN, () -> store.memberships().add(group.id(), member, List.of(crowd.get(2))));
    expectCode(ErrorCode.NOT_MEMBER, () -> store.memberships().add(group.id(), crowd.get(3), List.of(crowd.get(2))));
    store.memberships().setRole(group.id(), owner, member, MemberRole.ADMIN);
    assertEquals(1, store.memberships().add(group.id(), member, List.of(crowd.get(2))).size());
    Conversation direct = store.conversations().openDirect(owner, member).conversation();
    expectCode(ErrorCode.VALIDATION, () -> store.memberships().add(direct.id(), owner, List.of(crowd.get(4))));
  }

  @Test
  void sharingAConversationFindsOnlyCurrentFellowMembers() {
    UserId me = newUser();
    UserId inGroup = newUser();
    UserId inDirect = newUser();
    UserId leaver = newUser();
    UserId stranger = newUser();
    Conversation group = newGroup(me, inGroup, leaver);
    store.conversations().openDirect(me, inDirect);
    store.memberships().remove(group.id(), leaver, leaver);
    assertEquals(Set.of(me, inGroup, inDirect), store.memberships().sharingAConversation(me,
        List.of(me, inGroup, inDirect, leaver, stranger, inGroup)));
    assertEquals(Set.of(), store.memberships().sharingAConversation(stranger, List.of(me, inGroup)));
    assertEquals(Set.of(), store.memberships().sharingAConversation(me, List.of()));
  }

  @Test
  void removalNeedsAHigherRole() {
    UserId owner = newUser();
    UserId admin = newUser();
    UserId m1 = newUser();
    UserId m2 = newUser();
    Conversation group = newGroup(owner, admin, m1, m2);
    store.memberships().setRole(group.id(), owner, admin, MemberRole.ADMIN);
    expectCode(ErrorCode.FORBIDDEN, () -> store.memberships().remove(group.id(), m1, m2));
    expectCode(ErrorCode.FORBIDDEN, () -> store.memberships().remove(group.id(), admin, owner));
    store.memberships().remove(group.id(), admin, m1);
    expectCode(ErrorCode.NOT_FOUND, () -> store.memberships().remove(group.id(), admin, m1));
    store.memberships().remove(group.id(), m2, m2);
    store.memberships().remove(group.id(), owner, admin);
    assertEquals(List.of(owner), store.memberships().list(group.id()).stream().map(Member::userId).toList());
    assertEquals(1, store.conversations().list(owner, ConversationFilter.ALL, null, 5).items().get(0).memberCount());
  }

  @Test
  void superAdminsModerateAnyGroup() {
    UserId owner = newUser();
    UserId member = newUser();
    UserId moderator = newUser();
    store.profiles().setRole(moderator, SystemRole.SUPER_ADMIN);
    Conversation group = newGroup(owner, member);
    store.memberships().remove(group.id(), moderator, member);
    assertTrue(store.memberships().find(group.id(), member).isEmpty());
  }

  @Test
  void onlyTheOwnerChangesRolesAndOwnershipTransfers() {
    UserId owner = newUser();
    UserId a = newUser();
    UserId b = newUser();
    Conversation group = newGroup(owner, a, b);
    expectCode(ErrorCode.FORBIDDEN, () -> store.memberships().setRole(group.id(), a, b, MemberRole.ADMIN));
    assertEquals(MemberRole.ADMIN, store.memberships().setRole(group.id(), owner, a, MemberRole.ADMIN).role());
    assertEquals(MemberRole.OWNER, store.memberships().setRole(group.id(), owner, b, MemberRole.OWNER).role());
    assertEquals(MemberRole.ADMIN, store.memberships().find(group.id(), owner).orElseThrow().role());
    expectCode(ErrorCode.FORBIDDEN, () -> store.memberships().setRole(group.id(), owner, a, MemberRole.MEMBER));
    expectCode(ErrorCode.VALIDATION, () -> store.memberships().setRole(group.id(), b, b, MemberRole.MEMBER));
  }

  @Test
  void ownerLeavingHandsOwnershipToTheOldestAdmin() {
    UserId owner = newUser();
    UserId early = newUser();
    UserId admin = newUser();
    Conversation group = newGroup(owner, early, admin);
    store.memberships().setRole(group.id(), owner, admin, MemberRole.ADMIN);
    store.memberships().remove(group.id(), owner, owner);
    assertEquals(MemberRole.OWNER, store.memberships().find(group.id(), admin).orElseThrow().role());
    store.memberships().remove(group.id(), admin, admin);
    assertEquals(MemberRole.OWNER, store.memberships().find(group.id(), early).orElseThrow().role());
  }

  @Test
  void aGroupHoldsAtMost500Members() {
    UserId owner = newUser();
    Conversation group = newGroup(owner);
    store.memberships().add(group.id(), owner, crowd.subList(0, 499));
    assertEquals(500, store.memberships().list(group.id()).size());
    ChatException full = expectCode(ErrorCode.VALIDATION,
        () -> store.memberships().add(group.id(), owner, List.of(crowd.get(499))));
    assertTrue(full.getMessage().contains("500"), full.getMessage());
    assertEquals(500, store.memberships().list(group.id()).size());
    expectCode(ErrorCode.VALIDATION, () -> store.conversations().createGroup(NewGroup.of(owner, "too big",
        crowd.subList(0, 500))));
  }

  @Test
  void theCapHoldsUnderConcurrentAdds() throws Exception {
    UserId owner = newUser();
    Conversation group = newGroup(owner);
    store.memberships().add(group.id(), owner, crowd.subList(0, 498));
    assertEquals(499, store.memberships().list(group.id()).size());
    for (int round = 0; round < 3; round++) {
      UserId x = crowd.get(550 + 2 * round);
      UserId y = crowd.get(551 + 2 * round);
      CyclicBarrier start = new CyclicBarrier(2);
      var first = CompletableFuture.supplyAsync(() -> tryAdd(start, group, owner, x), r -> new Thread(r).start());
      var second = CompletableFuture.supplyAsync(() -> tryAdd(start, group, owner, y), r -> new Thread(r).start());
      int succeeded = (first.get() ? 1 : 0) + (second.get() ? 1 : 0);
      int size = store.memberships().list(group.id()).size();
      assertEquals(500, size);
      assertEquals(round == 0 ? 1 : 0, succeeded);
    }
    long counted = jdbi.withHandle(h -> h.createQuery("SELECT member_count FROM conversation WHERE id = :id")
        .bind("id", group.id().value()).mapTo(Long.class).one());
    assertEquals(500, counted, "trigger-kept counter matches the rows");
  }

  private boolean tryAdd(CyclicBarrier start, Conversation group, UserId actor, UserId user) {
    try {
      start.await();
      store.memberships().add(group.id(), actor, new ArrayList<>(List.of(user)));
      return true;
    } catch (ChatException e) {
      if (e.code() != ErrorCode.VALIDATION) {
        throw e;
      }
      return false;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
