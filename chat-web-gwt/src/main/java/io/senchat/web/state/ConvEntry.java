package io.senchat.web.state;

import io.senchat.domain.conversation.Conversation;
import io.senchat.domain.conversation.MemberRole;
import io.senchat.domain.conversation.MemberState;
import io.senchat.domain.message.Message;
import io.senchat.domain.user.UserProfile;

/**
 * One row of the conversation list: the conversation as I see it.
 *
 * @param lastMessage the newest message I can see, or {@code null}
 * @param peer the other member of a direct conversation, or {@code null} (groups, or not known yet)
 */
public record ConvEntry(Conversation conversation, MemberRole role, MemberState memberState, int memberCount,
    long unreadCount, Message lastMessage, UserProfile peer, long lastActivityMillis) {

  /** What the list and the header show as the name. */
  public String title() {
    if (conversation.isGroup()) {
      return conversation.title().isEmpty() ? "Group" : conversation.title();
    }
    return peer != null ? peer.displayName() : "Direct chat";
  }

  public boolean pinned() {
    return memberState.pinned();
  }

  public boolean mutedAt(long nowMillis) {
    return memberState.isMutedAt(nowMillis);
  }

  ConvEntry with(Conversation c) {
    return new ConvEntry(c, role, memberState, memberCount, unreadCount, lastMessage, peer, lastActivityMillis);
  }

  ConvEntry withState(MemberState s) {
    return new ConvEntry(conversation, role, s, memberCount, unreadCount, lastMessage, peer, lastActivityMillis);
  }

  ConvEntry withUnread(long unread) {
    return new ConvEntry(conversation, role, memberState, memberCount, unread, lastMessage, peer,
        lastActivityMillis);
  }

  ConvEntry withLast(Message m, long unread) {
    return new ConvEntry(conversation, role, memberState, memberCount, unread, m, peer,
        Math.max(lastActivityMillis, m.sentAtMillis()));
  }

  ConvEntry withMembership(MemberRole newRole, int count) {
    return new ConvEntry(conversation, newRole, memberState, count, unreadCount, lastMessage, peer,
        lastActivityMillis);
  }
}
