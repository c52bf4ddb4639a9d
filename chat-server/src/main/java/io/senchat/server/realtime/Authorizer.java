package io.senchat.server.realtime;

import io.senchat.domain.common.ChatException;
import io.senchat.domain.common.Clock;
import io.senchat.domain.common.ErrorCode;
import io.senchat.domain.conversation.ConversationId;
import io.senchat.domain.message.Mention;
import io.senchat.domain.message.Message;
import io.senchat.domain.message.MessageRef;
import io.senchat.domain.permission.Actor;
import io.senchat.domain.user.SystemRole;
import io.senchat.server.membership.ConversationMembers;
import io.senchat.server.membership.Memberships;
import io.senchat.store.ChatStore;
import java.util.List;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * What handlers need to authorise a command with {@link io.senchat.domain.permission.Permissions}: the cached
 * conversation and members, the acting user as an {@link Actor}, and messages as the user sees them.
 */
@Singleton
final class Authorizer {

  private final Memberships memberships;
  private final ChatStore store;
  private final Clock clock;

  @Inject
  Authorizer(Memberships memberships, ChatStore store, Clock clock) {
    this.memberships = memberships;
    this.store = store;
    this.clock = clock;
  }

  /** The conversation and its members; NOT_FOUND when there is no such conversation. */
  ConversationMembers conversation(ConversationId conversationId) {
    return memberships.find(conversationId)
        .orElseThrow(() -> new ChatException(ErrorCode.NOT_FOUND, "no conversation " + conversationId.value()));
  }

  /** The conversation, when the session's user is a member; NOT_MEMBER otherwise. */
  ConversationMembers requireMember(ClientSession session, ConversationId conversationId) {
    ConversationMembers members = conversation(conversationId);
    if (!members.isMember(session.userId())) {
      throw notMember();
    }
    return members;
  }

  /** The session's user acting in the conversation now. */
  Actor actor(ClientSession session, ConversationMembers members) {
    return Actor.of(session.userId(), session.systemRole(), members.roleOf(session.userId()),
        members.conversation(), members.count(), clock);
  }

  /**
   * The message as the user sees it: NOT_MEMBER for a non-member (super-admins excepted, who moderate), NOT_FOUND
   * when it does not exist or the user hid it.
   */
  Message visibleMessage(ClientSession session, ConversationMembers members, MessageRef ref) {
    if (!members.isMember(session.userId()) && session.systemRole() != SystemRole.SUPER_ADMIN) {
      throw notMember();
    }
    List<Message> found = store.history().load(session.userId(), List.of(ref));
    if (found.isEmpty()) {
      throw new ChatException(ErrorCode.NOT_FOUND, "no message " + ref.seq() + " in conversation "
          + ref.conversationId().value());
    }
    return found.get(0);
  }

  /** Mentions may only name members: the text is the client's, but who gets notified is the server's business. */
  static void checkMentions(List<Mention> mentions, ConversationMembers members) {
    for (Mention mention : mentions) {
      if (!mention.isAll() && !members.isMember(mention.userId())) {
        throw new ChatException(ErrorCode.VALIDATION,
            "mentions: user " + mention.userId().value() + " is not a member of this conversation");
      }
    }
  }

  private static ChatException notMember() {
    return new ChatException(ErrorCode.NOT_MEMBER, "you are not a member of this conversation");
  }

  @Override
  public String toString() {
    return "Authorizer[" + memberships + "]";
  }
}
