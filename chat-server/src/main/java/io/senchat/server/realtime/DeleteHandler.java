package io.senchat.server.realtime;

import io.senchat.domain.message.Message;
import io.senchat.domain.message.MessageRef;
import io.senchat.domain.permission.Action;
import io.senchat.domain.permission.Permissions;
import io.senchat.domain.permission.Target;
import io.senchat.domain.protocol.ClientFrame.DeleteMessage;
import io.senchat.domain.protocol.DeleteScope;
import io.senchat.domain.protocol.Inbound;
import io.senchat.domain.protocol.ServerFrame.Ack;
import io.senchat.domain.protocol.ServerFrame.MessageHidden;
import io.senchat.domain.protocol.ServerFrame.MessageUpdated;
import io.senchat.server.fanout.FanOut;
import io.senchat.server.membership.ConversationMembers;
import io.senchat.server.sync.WriteBarrier;
import io.senchat.store.ChatStore;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * {@code message.delete}: for me (hidden on all of the user's devices: {@code message.hidden} to the user) or for
 * everyone (a tombstone: {@code message.updated} to every member).
 */
@Singleton
final class DeleteHandler implements CommandHandler {

  private final Authorizer authorizer;
  private final ChatStore store;
  private final FanOut fanOut;
  private final WriteBarrier barrier;
  private final ConversationLocks locks;

  @Inject
  DeleteHandler(Authorizer authorizer, ChatStore store, FanOut fanOut, WriteBarrier barrier,
      ConversationLocks locks) {
    this.authorizer = authorizer;
    this.store = store;
    this.fanOut = fanOut;
    this.barrier = barrier;
    this.locks = locks;
  }

  @Override
  public void handle(ClientSession session, Inbound command) {
    DeleteMessage delete = (DeleteMessage) command.frame();
    MessageRef ref = new MessageRef(delete.conversationId(), delete.seq());
    ConversationMembers members = authorizer.conversation(delete.conversationId());
    barrier.around(() -> {
      locks.inOrder(delete.conversationId(), () -> {
        Message message = authorizer.visibleMessage(session, members, ref);
        Target target = Target.message(message, members.roleOf(message.senderId()));
        if (delete.scope() == DeleteScope.ME) {
          Permissions.check(authorizer.actor(session, members), Action.DELETE_FOR_ME, target);
          store.messages().deleteForMe(ref, session.userId());
          fanOut.toUser(session.userId(), new MessageHidden(delete.conversationId(), delete.seq()));
        } else {
          Permissions.check(authorizer.actor(session, members), Action.DELETE_FOR_EVERYONE, target);
          Message tombstone = store.messages().deleteForEveryone(ref, session.userId());
          fanOut.toConversation(delete.conversationId(), new MessageUpdated(tombstone));
        }
        return null;
      });
    });
    if (command.requestId() != null) {
      session.output().reply(command.requestId(), Ack.forMessage(delete.conversationId(), delete.seq()));
    }
  }

  @Override
  public String toString() {
    return "message.delete";
  }
}
