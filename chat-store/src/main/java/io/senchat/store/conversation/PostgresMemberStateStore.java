package io.senchat.store.conversation;

import io.senchat.domain.common.ChatException;
import io.senchat.domain.common.ErrorCode;
import io.senchat.domain.conversation.ConversationId;
import io.senchat.domain.conversation.MemberState;
import io.senchat.domain.user.UserId;
import io.senchat.store.internal.ChangeLog;
import io.senchat.store.internal.StoreErrors;
import java.util.Optional;
import java.util.function.Function;
import org.jdbi.v3.core.Jdbi;

/** {@link MemberStateStore} backed by PostgreSQL; every change is a private event for the member's devices. */
final class PostgresMemberStateStore implements MemberStateStore {

  private final Jdbi jdbi;

  PostgresMemberStateStore(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  @Override
  public Optional<MemberState> find(ConversationId id, UserId user) {
    return StoreErrors.translating(() -> jdbi.withExtension(ConversationDao.class,
        dao -> dao.findState(id.value(), user.value())));
  }

  @Override
  public MemberState update(ConversationId id, UserId user, MemberStateChange change) {
    return change(id, user, dao -> dao.updateState(id.value(), user.value(), change.pinned(),
        change.mutedUntilMillis(), change.archived(), change.hidden()));
  }

  @Override
  public MemberState clearHistory(ConversationId id, UserId user) {
    return change(id, user, dao -> dao.clearHistory(id.value(), user.value()));
  }

  private MemberState change(ConversationId id, UserId user,
      Function<ConversationDao, Optional<MemberState>> update) {
    return StoreErrors.translating(() -> jdbi.inTransaction(h -> {
      MemberState state = update.apply(h.attach(ConversationDao.class))
          .orElseThrow(() -> new ChatException(ErrorCode.NOT_MEMBER, user + " is not a member of " + id));
      h.attach(ChangeLog.class).record(id.value(), user.value(), "MEMBER_STATE", 0, user.value(), user.value());
      return state;
    }));
  }
}
