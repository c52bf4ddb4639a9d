package io.senchat.server.realtime;

import io.senchat.domain.common.ChatException;
import io.senchat.domain.common.ErrorCode;
import io.senchat.domain.message.Forwarded;
import io.senchat.domain.message.Message;
import io.senchat.domain.message.OutgoingMessage;
import io.senchat.domain.permission.Action;
import io.senchat.domain.permission.Permissions;
import io.senchat.domain.protocol.ClientFrame.SendMessage;
import io.senchat.domain.protocol.Inbound;
import io.senchat.domain.rules.MessageValidator;
import io.senchat.server.fanout.FanOut;
import io.senchat.server.membership.ConversationMembers;
import io.senchat.server.sync.WriteBarrier;
import io.senchat.store.message.MessageWriter;
import io.senchat.store.message.NewMessage;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * {@code message.send} (also replies and forwards): authorise from the membership cache (member, post setting),
 * validate with the domain rules, then hand the message to the group-commit writer. The {@code ack} and the
 * {@code message.new} fan-out happen in {@link SendCompletion}, only once the write is durable.
 */
@Singleton
final class SendHandler implements CommandHandler {

  private final Authorizer authorizer;
  private final MessageWriter writer;
  private final FanOut fanOut;
  private final WriteBarrier barrier;
  private final RealtimeMetrics metrics;

  @Inject
  SendHandler(Authorizer authorizer, MessageWriter writer, FanOut fanOut, WriteBarrier barrier,
      RealtimeMetrics metrics) {
    this.authorizer = authorizer;
    this.writer = writer;
    this.fanOut = fanOut;
    this.barrier = barrier;
    this.metrics = metrics;
  }

  @Override
  public void handle(ClientSession session, Inbound command) {
    long started = System.nanoTime();
    OutgoingMessage message = ((SendMessage) command.frame()).message();
    ConversationMembers members = authorizer.conversation(message.conversationId());
    Permissions.check(authorizer.actor(session, members), Action.SEND);
    MessageValidator.validateNew(message, members.conversation().kind());
    Authorizer.checkMentions(message.mentions(), members);
    if (message.forwarded() != null) {
      checkForward(session, message.forwarded());
    }
    NewMessage append = new NewMessage(message.conversationId(), session.userId(), message.clientId(),
        message.kind(), message.text(), message.attachment(), message.stickerId(), message.replyToSeq(),
        message.forwarded(), message.mentions());
    WriteBarrier.Ticket ticket = barrier.enter();
    try {
      // The completion is attached before the append is queued, so it runs on the writer's completion thread, in
      // commit order with the conversation's other appends: members receive message.new in seq order.
      writer.submit(append, new SendCompletion(session, command.requestId(), message, fanOut, ticket, metrics,
          started));
    } catch (RuntimeException e) {
      ticket.close();
      throw e;
    }
  }

  /**
   * Forwarding copies a message the sender can see: they must be a member of its conversation, and the origin must
   * name the message's real sender, so nobody can attribute words to someone who never wrote them.
   */
  private void checkForward(ClientSession session, Forwarded forwarded) {
    ConversationMembers source = authorizer.conversation(forwarded.original().conversationId());
    if (!source.isMember(session.userId())) {
      throw new ChatException(ErrorCode.FORBIDDEN,
          "forwarded: you can only forward messages of conversations you are a member of");
    }
    Message original = authorizer.visibleMessage(session, source, forwarded.original());
    if (original.deletedForEveryone()) {
      throw new ChatException(ErrorCode.FORBIDDEN, "forwarded: a deleted message cannot be forwarded");
    }
    if (!original.senderId().equals(forwarded.originalSender())) {
      throw new ChatException(ErrorCode.VALIDATION,
          "forwarded.originalSenderId: message " + original.seq() + " was sent by " + original.senderId().value());
    }
  }

  @Override
  public String toString() {
    return "message.send";
  }
}
