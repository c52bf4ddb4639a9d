package io.senchat.server.realtime;

import io.senchat.domain.common.ChatException;
import io.senchat.domain.common.ErrorCode;
import io.senchat.domain.message.Message;
import io.senchat.domain.message.MessageRef;
import io.senchat.domain.message.Reaction;
import io.senchat.domain.permission.Action;
import io.senchat.domain.permission.Permissions;
import io.senchat.domain.permission.Target;
import io.senchat.domain.protocol.ClientFrame.ReactToMessage;
import io.senchat.domain.protocol.Inbound;
import io.senchat.domain.protocol.ServerFrame.Ack;
import io.senchat.domain.protocol.ServerFrame.MessageUpdated;
import io.senchat.domain.rules.Limits;
import io.senchat.domain.rules.MessageValidator;
import io.senchat.server.fanout.FanOut;
import io.senchat.server.membership.ConversationMembers;
import io.senchat.server.sync.WriteBarrier;
import io.senchat.store.ChatStore;
import java.util.List;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * {@code message.react}: adds or removes the user's reaction; doing what is already done is acknowledged without an
 * event. A change fans out the whole message with its new reactions.
 */
@Singleton
final class ReactHandler implements CommandHandler {

  private final Authorizer authorizer;
  private final ChatStore store;
  private final FanOut fanOut;
  private final WriteBarrier barrier;
  private final ConversationLocks locks;

  @Inject
  ReactHandler(Authorizer authorizer, ChatStore store, FanOut fanOut, WriteBarrier barrier,
      ConversationLocks locks) {
    this.authorizer = authorizer;
    this.store = store;
    this.fanOut = fanOut;
    this.barrier = barrier;
    this.locks = locks;
  }

  @Override
  public void handle(ClientSession session, Inbound command) {
    ReactToMessage react = (ReactToMessage) command.frame();
    MessageValidator.validateEmoji(react.emoji());
    MessageRef ref = new MessageRef(react.conversationId(), react.seq());
    ConversationMembers members = authorizer.conversation(react.conversationId());
    barrier.around(() -> {
      locks.inOrder(react.conversationId(), () -> {
        Message message = authorizer.visibleMessage(session, members, ref);
        Permissions.check(authorizer.actor(session, members), Action.REACT,
            Target.message(message, members.roleOf(message.senderId())));
        if (react.on() && isNewEmoji(message, react.emoji())
            && message.reactions().size() >= Limits.MAX_REACTIONS_PER_MESSAGE) {
          throw new ChatException(ErrorCode.VALIDATION, "a message may have at most "
              + Limits.MAX_REACTIONS_PER_MESSAGE + " different reactions");
        }
        List<Reaction> reactions = react.on()
            ? store.reactions().react(ref, session.userId(), react.emoji())
            : store.reactions().unreact(ref, session.userId(), react.emoji());
        if (!reactions.equals(message.reactions())) {
          fanOut.toConversation(react.conversationId(), new MessageUpdated(withReactions(message, reactions)));
        }
        return null;
      });
    });
    if (command.requestId() != null) {
      session.output().reply(command.requestId(), Ack.forMessage(react.conversationId(), react.seq()));
    }
  }

  private static boolean isNewEmoji(Message message, String emoji) {
    for (Reaction reaction : message.reactions()) {
      if (reaction.emoji().equals(emoji)) {
        return false;
      }
    }
    return true;
  }

  private static Message withReactions(Message m, List<Reaction> reactions) {
    return new Message(m.conversationId(), m.seq(), m.senderId(), m.clientId(), m.kind(), m.text(), m.attachment(),
        m.stickerId(), m.replyToSeq(), m.forwarded(), m.mentions(), reactions, m.sentAtMillis(), m.editedAtMillis(),
        m.deletedForEveryone());
  }

  @Override
  public String toString() {
    return "message.react";
  }
}
