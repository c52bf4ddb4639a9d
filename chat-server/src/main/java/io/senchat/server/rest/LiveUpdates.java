package io.senchat.server.rest;

import io.senchat.domain.conversation.Conversation;
import io.senchat.domain.conversation.ConversationId;
import io.senchat.domain.conversation.MemberRole;
import io.senchat.domain.conversation.MemberState;
import io.senchat.domain.protocol.MemberChange;
import io.senchat.domain.protocol.ServerFrame;
import io.senchat.domain.user.UserId;
import io.senchat.server.fanout.FanOut;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells live clients about changes the REST API made. The store has already written the change and its feed event
 * in one transaction, so a push that fails is only late: clients catch up through {@code sync}. Hence failures here
 * are logged, never turned into a failed request.
 */
final class LiveUpdates {

  private static final Logger LOG = LoggerFactory.getLogger(LiveUpdates.class);

  private final FanOut fanOut;

  LiveUpdates(FanOut fanOut) {
    this.fanOut = fanOut;
  }

  /** The conversation's shared state changed, or its members can now see it. */
  void conversationUpdated(Conversation conversation) {
    toConversation(conversation.id(), new ServerFrame.ConversationUpdated(conversation));
  }

  /** One user can now see the conversation (was added to it). */
  void conversationVisibleTo(UserId user, Conversation conversation) {
    toUser(user, new ServerFrame.ConversationUpdated(conversation));
  }

  /** A membership changed; a removed user hears it too, since they no longer get the conversation's events. */
  void memberChanged(ConversationId id, UserId user, MemberRole role, MemberChange change) {
    ServerFrame.MemberChanged frame = new ServerFrame.MemberChanged(id, user, role, change);
    toConversation(id, frame);
    if (change == MemberChange.REMOVED) {
      toUser(user, frame);
    }
  }

  /** The user's own view of a conversation changed: their other devices follow. */
  void memberState(MemberState state) {
    toUser(state.userId(), new ServerFrame.MemberStateChanged(state));
  }

  private void toConversation(ConversationId id, ServerFrame frame) {
    try {
      fanOut.toConversation(id, frame);
    } catch (RuntimeException e) {
      LOG.warn("Could not push {} to {}; clients will catch up by sync", frame.type(), id, e);
    }
  }

  private void toUser(UserId user, ServerFrame frame) {
    try {
      fanOut.toUser(user, frame);
    } catch (RuntimeException e) {
      LOG.warn("Could not push {} to {}; clients will catch up by sync", frame.type(), user, e);
    }
  }

  @Override
  public String toString() {
    return "LiveUpdates[" + fanOut + "]";
  }
}
