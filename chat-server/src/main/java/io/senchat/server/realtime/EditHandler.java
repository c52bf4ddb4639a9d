package io.senchat.server.realtime;

import io.senchat.domain.message.Message;
import io.senchat.domain.message.MessageRef;
import io.senchat.domain.permission.Action;
import io.senchat.domain.permission.Permissions;
import io.senchat.domain.permission.Target;
import io.senchat.domain.protocol.ClientFrame.EditMessage;
import io.senchat.domain.protocol.Inbound;
import io.senchat.domain.protocol.ServerFrame.Ack;
import io.senchat.domain.protocol.ServerFrame.MessageUpdated;
import io.senchat.domain.rules.MessageValidator;
import io.senchat.server.fanout.FanOut;
import io.senchat.server.membership.ConversationMembers;
import io.senchat.server.sync.WriteBarrier;
import io.senchat.store.ChatStore;
import javax.inject.Inject;
import javax.inject.Singleton;

/** {@code message.edit}: the sender's own message within the edit window; fans out the whole edited message. */
@Singleton
final class EditHandler implements CommandHandler {

  private final Authorizer authorizer;
  private final ChatStore store;
  private final FanOut fanOut;
  private final WriteBarrier barrier;
  private final ConversationLocks locks;

  @Inject
  EditHandler(Authorizer authorizer, ChatStore store, FanOut fanOut, WriteBarrier barrier, ConversationLocks locks) {
    this.authorizer = authorizer;
    this.store = store;
    this.fanOut = fanOut;
    this.barrier = barrier;
    this.locks = locks;
  }

  @Override
  public void handle(ClientSession session, Inbound command) {
    EditMessage edit = (EditMessage) command.frame();
    MessageRef ref = new MessageRef(edit.conversationId(), edit.seq());
    ConversationMembers members = authorizer.conversation(edit.conversationId());
    barrier.around(() -> {
      locks.inOrder(edit.conversationId(), () -> {
        Message message = authorizer.visibleMessage(session, members, ref);
        Permissions.check(authorizer.actor(session, members), Action.EDIT,
            Target.message(message, members.roleOf(message.senderId())));
        MessageValidator.validateEdit(message.kind(), edit.text(), edit.mentions(),
            members.conversation().kind());
        Authorizer.checkMentions(edit.mentions(), members);
        Message edited = store.messages().edit(ref, session.userId(), edit.text(), edit.mentions());
        fanOut.toConversation(edit.conversationId(), new MessageUpdated(edited));
        return edited;
      });
    });
    if (command.requestId() != null) {
      session.output().reply(command.requestId(), Ack.forMessage(edit.conversationId(), edit.seq()));
    }
  }

  @Override
  public String toString() {
    return "message.edit";
  }
}
