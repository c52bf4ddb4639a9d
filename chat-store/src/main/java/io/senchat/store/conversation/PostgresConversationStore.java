package io.senchat.store.conversation;

import io.senchat.domain.common.ChatException;
import io.senchat.domain.common.Clock;
import io.senchat.domain.common.ErrorCode;
import io.senchat.domain.conversation.Conversation;
import io.senchat.domain.conversation.ConversationId;
import io.senchat.domain.conversation.GroupSettings;
import io.senchat.domain.conversation.MemberRole;
import io.senchat.domain.message.Message;
import io.senchat.domain.message.MessageRef;
import io.senchat.domain.user.UserId;
import io.senchat.store.internal.ChangeLog;
import io.senchat.store.internal.Pages;
import io.senchat.store.internal.Roles;
import io.senchat.store.internal.StoreErrors;
import io.senchat.store.internal.Times;
import io.senchat.store.message.MessageReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;

/** {@link ConversationStore} backed by PostgreSQL. */
final class PostgresConversationStore implements ConversationStore {

  private final Jdbi jdbi;
  private final MessageReader messages;
  private final Clock clock;

  PostgresConversationStore(Jdbi jdbi, MessageReader messages, Clock clock) {
    this.jdbi = jdbi;
    this.messages = messages;
    this.clock = clock;
  }

  @Override
  public Conversation createGroup(NewGroup group) {
    Set<UserId> others = new LinkedHashSet<>(group.members());
    others.remove(group.creator());
    long[] userIds = new long[others.size() + 1];
    String[] roles = new String[others.size() + 1];
    userIds[0] = group.creator().value();
    roles[0] = MemberRole.OWNER.name();
    int i = 1;
    for (UserId member : others) {
      userIds[i] = member.value();
      roles[i++] = MemberRole.MEMBER.name();
    }
    GroupSettings settings = group.settings();
    return StoreErrors.translating(() -> jdbi.inTransaction(h -> {
      ConversationDao dao = h.attach(ConversationDao.class);
      var now = Times.at(clock.nowMillis());
      ConversationDao.ConversationRow row = dao.insertGroup(group.title().strip(), group.avatarUrl(),
          settings.post().name(), settings.addMembers().name(), settings.pinMessages().name(),
          settings.changeInfo().name(), group.creator().value(), now);
      long id = row.conversation().id().value();
      dao.insertMembers(id, userIds, roles, group.creator().value(), now);
      h.attach(ChangeLog.class).record(id, null, "CONVERSATION_CREATED", 0, null, group.creator().value());
      return row.conversation();
    }));
  }

  @Override
  public DirectConversation openDirect(UserId user, UserId other) {
    if (user.equals(other)) {
      throw new ChatException(ErrorCode.VALIDATION, "a direct conversation needs two different users");
    }
    long low = Math.min(user.value(), other.value());
    long high = Math.max(user.value(), other.value());
    return StoreErrors.translating(() -> jdbi.inTransaction(h -> {
      ConversationDao dao = h.attach(ConversationDao.class);
      var now = Times.at(clock.nowMillis());
      Optional<ConversationDao.ConversationRow> inserted = dao.insertDirect(user.value(), low, high, now);
      if (inserted.isEmpty()) {
        ConversationDao.ConversationRow existing = dao.findDirect(low, high).orElseThrow(() ->
            new ChatException(ErrorCode.INTERNAL, "direct conversation vanished after a conflict"));
        return new DirectConversation(existing.conversation(), false);
      }
      long id = inserted.get().conversation().id().value();
      dao.insertMembers(id, new long[] {low, high}, new String[] {"MEMBER", "MEMBER"}, user.value(), now);
      h.attach(ChangeLog.class).record(id, null, "CONVERSATION_CREATED", 0, null, user.value());
      return new DirectConversation(inserted.get().conversation(), true);
    }));
  }

  @Override
  public Optional<Conversation> find(ConversationId id) {
    return StoreErrors.translating(() -> jdbi.withExtension(ConversationDao.class, dao -> dao.find(id.value())))
        .map(ConversationDao.ConversationRow::conversation);
  }

  @Override
  public Conversation update(ConversationId id, UserId actor, ConversationChange change) {
    return StoreErrors.translating(() -> jdbi.inTransaction(h -> {
      ConversationDao dao = h.attach(ConversationDao.class);
      ConversationDao.ConversationRow row = Guards.lock(dao, id);
      Guards.requireGroup(row, "changing title, avatar or settings");
      Guards.Actor who = Guards.actor(dao, id, actor);
      Guards.require(who, MemberRole.MEMBER, id, "changing a group");
      if (change.title() != null || change.avatarUrl() != null) {
        Guards.require(who, Roles.required(row.conversation().settings().changeInfo()), id, "changing group info");
      }
      if (change.settings() != null) {
        Guards.require(who, MemberRole.ADMIN, id, "changing group settings");
      }
      GroupSettings s = change.settings();
      ConversationDao.ConversationRow updated = dao.updateInfo(id.value(),
          change.title() == null ? null : change.title().strip(), change.avatarUrl(),
          s == null ? null : s.post().name(), s == null ? null : s.addMembers().name(),
          s == null ? null : s.pinMessages().name(), s == null ? null : s.changeInfo().name());
      h.attach(ChangeLog.class).record(id.value(), null, "CONVERSATION_UPDATED", 0, null, actor.value());
      return updated.conversation();
    }));
  }

  @Override
  public ConversationPage list(UserId user, ConversationFilter filter, ConversationCursor after, int limit) {
    int bounded = Pages.limit(limit, MAX_PAGE);
    List<ConversationDao.SummaryRow> rows = StoreErrors.translating(() -> jdbi.withExtension(ConversationDao.class,
        dao -> dao.list(user.value(), filter.name(), after == null ? null : after.pinned(),
            after == null ? null : Times.at(after.activityMillis()), after == null ? null : after.conversationId(),
            bounded + 1, UNREAD_CAP)));
    boolean more = rows.size() > bounded;
    List<ConversationDao.SummaryRow> page = more ? rows.subList(0, bounded) : rows;

    List<MessageRef> refs = new ArrayList<>();
    for (ConversationDao.SummaryRow row : page) {
      if (row.lastVisibleSeq() > 0) {
        refs.add(new MessageRef(row.conversation().conversation().id(), row.lastVisibleSeq()));
      }
    }
    Map<MessageRef, Message> last = new HashMap<>();
    for (Message message : messages.load(user, refs)) {
      last.put(message.ref(), message);
    }
    List<ConversationSummary> items = new ArrayList<>(page.size());
    for (ConversationDao.SummaryRow row : page) {
      Conversation conversation = row.conversation().conversation();
      Message lastMessage = row.lastVisibleSeq() > 0
          ? last.get(new MessageRef(conversation.id(), row.lastVisibleSeq())) : null;
      items.add(new ConversationSummary(conversation, MemberRole.valueOf(row.role()), row.state(),
          row.conversation().memberCount(), row.peerId() == null ? null : UserId.of(row.peerId()), lastMessage,
          row.unreadCount(), row.conversation().lastActivityMillis()));
    }
    ConversationCursor next = more ? items.get(items.size() - 1).cursor() : null;
    return new ConversationPage(items, next);
  }
}
