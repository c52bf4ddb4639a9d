package io.senchat.server.fanout;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.senchat.domain.conversation.ConversationId;
import io.senchat.domain.protocol.MemberChange;
import io.senchat.domain.protocol.ServerFrame;
import io.senchat.domain.protocol.ServerFrame.ConversationUpdated;
import io.senchat.domain.protocol.ServerFrame.MemberChanged;
import io.senchat.domain.user.UserId;
import io.senchat.server.membership.ConversationMembers;
import io.senchat.server.membership.Memberships;
import java.util.Optional;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * {@link FanOut} to the sessions of this node: recipients come from the membership cache, each frame is encoded once
 * and queued on every recipient session without blocking, so one slow client never delays the others.
 *
 * <p>Delivery happens on the caller's thread, in call order; callers that fan out one conversation's events from one
 * thread in commit order (as the group-commit writer's completion thread does) get them to every session in that
 * order.
 */
@Singleton
final class InProcessFanOut implements FanOut {

  private final InProcessSessionRegistry sessions;
  private final Memberships memberships;
  private final Counter deliveries;

  @Inject
  InProcessFanOut(InProcessSessionRegistry sessions, Memberships memberships, MeterRegistry meters) {
    this.sessions = sessions;
    this.memberships = memberships;
    this.deliveries = Counter.builder("senchat.fanout.deliveries")
        .description("Frames queued on live sessions by fan-out")
        .register(meters);
  }

  @Override
  public void toConversation(ConversationId conversationId, ServerFrame frame) {
    toConversationExcept(conversationId, null, frame);
  }

  @Override
  public void toConversationExcept(ConversationId conversationId, UserId excluded, ServerFrame frame) {
    if (frame instanceof MemberChanged || frame instanceof ConversationUpdated) {
      // The change is committed: recipients (and later authorisation) must see the new membership.
      memberships.invalidate(conversationId);
    }
    Optional<ConversationMembers> members = memberships.find(conversationId);
    Push push = Push.of(frame);
    long delivered = 0;
    if (members.isPresent()) {
      for (UserId member : members.get().userIds()) {
        if (!member.equals(excluded)) {
          delivered += deliver(member, push);
        }
      }
    }
    if (frame instanceof MemberChanged changed && changed.change() == MemberChange.REMOVED
        && !changed.userId().equals(excluded)
        && (members.isEmpty() || !members.get().isMember(changed.userId()))) {
      // The removed user is no longer a member but must learn of the removal on every device.
      delivered += deliver(changed.userId(), push);
    }
    deliveries.increment(delivered);
  }

  @Override
  public void toUser(UserId userId, ServerFrame frame) {
    deliveries.increment(deliver(userId, Push.of(frame)));
  }

  private int deliver(UserId userId, Push push) {
    LiveSession[] targets = sessions.sessionArray(userId);
    for (LiveSession session : targets) {
      session.push(push);
    }
    return targets.length;
  }

  @Override
  public String toString() {
    return "InProcessFanOut[" + sessions + "]";
  }
}
