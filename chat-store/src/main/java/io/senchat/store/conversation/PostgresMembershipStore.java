package io.senchat.store.conversation;

import io.senchat.domain.common.ChatException;
import io.senchat.domain.common.Clock;
import io.senchat.domain.common.ErrorCode;
import io.senchat.domain.conversation.ConversationId;
import io.senchat.domain.conversation.Member;
import io.senchat.domain.conversation.MemberRole;
import io.senchat.domain.user.UserId;
import io.senchat.store.internal.ChangeLog;
import io.senchat.store.internal.Roles;
import io.senchat.store.internal.StoreErrors;
import io.senchat.store.internal.Times;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;

/** {@link MembershipStore} backed by PostgreSQL; the member cap is also enforced by a trigger-kept counter. */
final class PostgresMembershipStore implements MembershipStore {

  private final Jdbi jdbi;
  private final Clock clock;

  PostgresMembershipStore(Jdbi jdbi, Clock clock) {
    this.jdbi = jdbi;
    this.clock = clock;
  }

  @Override
  public List<Member> add(ConversationId id, UserId actor, Collection<UserId> users) {
    long[] userIds = users.stream().mapToLong(UserId::value).distinct().toArray();
    if (userIds.length == 0) {
      return List.of();
    }
    String[] roles = new String[userIds.length];
    Arrays.fill(roles, MemberRole.MEMBER.name());
    return StoreErrors.translating(() -> jdbi.inTransaction(h -> {
      ConversationDao dao = h.attach(ConversationDao.class);
      ConversationDao.ConversationRow row = Guards.lock(dao, id);
      Guards.requireGroup(row, "adding members");
      Guards.require(Guards.actor(dao, id, actor), Roles.required(row.conversation().settings().addMembers()), id,
          "adding members");
      // Beyond 500 members the trigger's counter update violates conversation_member_limit_ck.
      List<Member> added = dao.insertMembers(id.value(), userIds, roles, actor.value(), Times.at(clock.nowMillis()));
      if (!added.isEmpty()) {
        int n = added.size();
        long[] conversations = new long[n];
        long[] seqs = new long[n];
        Long[] subjects = new Long[n];
        Long[] actors = new Long[n];
        for (int i = 0; i < n; i++) {
          conversations[i] = id.value();
          subjects[i] = added.get(i).userId().value();
          actors[i] = actor.value();
        }
        h.attach(ChangeLog.class).recordAll("MEMBER_ADDED", conversations, new Long[n], seqs, subjects, actors);
      }
      return added;
    }));
  }

  @Override
  public void remove(ConversationId id, UserId actor, UserId user) {
    StoreErrors.translating(() -> jdbi.inTransaction(h -> {
      ConversationDao dao = h.attach(ConversationDao.class);
      ConversationDao.ConversationRow row = Guards.lock(dao, id);
      Guards.requireGroup(row, "leaving or removing members");
      MemberRole target = dao.lockMemberRole(id.value(), user.value()).map(MemberRole::valueOf)
          .orElseThrow(() -> new ChatException(actor.equals(user) ? ErrorCode.NOT_MEMBER : ErrorCode.NOT_FOUND,
              user + " is not a member of " + id));
      if (!actor.equals(user)) {
        Guards.Actor who = Guards.actor(dao, id, actor);
        boolean outranks = who.isMember() && who.role().atLeast(MemberRole.ADMIN)
            && who.role().ordinal() > target.ordinal();
        if (!who.superAdmin() && !outranks) {
          if (!who.isMember()) {
            throw new ChatException(ErrorCode.NOT_MEMBER, actor + " is not a member of " + id);
          }
          throw new ChatException(ErrorCode.FORBIDDEN, "removing a " + target + " needs a higher role");
        }
      }
      dao.deleteMember(id.value(), user.value());
      ChangeLog log = h.attach(ChangeLog.class);
      // One event for those who stay, one for the user who goes (they no longer see conversation-wide events).
      log.record(id.value(), null, "MEMBER_REMOVED", 0, user.value(), actor.value());
      log.record(id.value(), user.value(), "MEMBER_REMOVED", 0, user.value(), actor.value());
      if (target == MemberRole.OWNER) {
        dao.promoteSuccessor(id.value()).ifPresent(successor ->
            log.record(id.value(), null, "MEMBER_ROLE", 0, successor, actor.value()));
      }
      return null;
    }));
  }

  @Override
  public Member setRole(ConversationId id, UserId actor, UserId user, MemberRole role) {
    return StoreErrors.translating(() -> jdbi.inTransaction(h -> {
      ConversationDao dao = h.attach(ConversationDao.class);
      ConversationDao.ConversationRow row = Guards.lock(dao, id);
      Guards.requireGroup(row, "changing roles");
      Guards.require(Guards.actor(dao, id, actor), MemberRole.OWNER, id, "changing roles");
      MemberRole current = dao.lockMemberRole(id.value(), user.value()).map(MemberRole::valueOf)
          .orElseThrow(() -> new ChatException(ErrorCode.NOT_FOUND, user + " is not a member of " + id));
      ChangeLog log = h.attach(ChangeLog.class);
      if (current == role) {
        return dao.findMember(id.value(), user.value()).orElseThrow();
      }
      if (current == MemberRole.OWNER) {
        throw new ChatException(ErrorCode.VALIDATION, "make another member OWNER to transfer ownership");
      }
      if (role == MemberRole.OWNER) {
        // Demote first: the partial unique index allows one owner at any moment.
        for (long previous : dao.demoteOwner(id.value())) {
          log.record(id.value(), null, "MEMBER_ROLE", 0, previous, actor.value());
        }
      }
      Member updated = dao.setRole(id.value(), user.value(), role.name());
      log.record(id.value(), null, "MEMBER_ROLE", 0, user.value(), actor.value());
      return updated;
    }));
  }

  @Override
  public Optional<Member> find(ConversationId id, UserId user) {
    return StoreErrors.translating(() -> jdbi.withExtension(ConversationDao.class,
        dao -> dao.findMember(id.value(), user.value())));
  }

  @Override
  public List<Member> list(ConversationId id) {
    return StoreErrors.translating(() -> jdbi.withExtension(ConversationDao.class,
        dao -> dao.listMembers(id.value())));
  }

  @Override
  public Set<UserId> sharingAConversation(UserId user, Collection<UserId> candidates) {
    if (candidates.isEmpty()) {
      return Set.of();
    }
    long[] ids = candidates.stream().mapToLong(UserId::value).distinct().toArray();
    List<Long> found = StoreErrors.translating(() -> jdbi.withExtension(ConversationDao.class,
        dao -> dao.sharingAConversation(user.value(), ids)));
    return found.stream().map(UserId::of).collect(Collectors.toUnmodifiableSet());
  }
}
