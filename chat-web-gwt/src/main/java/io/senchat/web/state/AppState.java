package io.senchat.web.state;

import io.senchat.domain.client.ConnectionStatus;
import io.senchat.domain.conversation.ConversationId;
import io.senchat.domain.presence.Presence;
import io.senchat.domain.timeline.Timeline;
import io.senchat.domain.unread.ReceiptMarks;
import io.senchat.domain.user.UserId;
import io.senchat.domain.user.UserProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The whole client state, immutable: views render it, only the {@link Reducer} makes the next one.
 *
 * @param me the signed-in user, or {@code null} on the sign-in screen
 * @param openId the conversation shown in the chat area, or {@code null}
 * @param timelines per conversation, the domain's timeline (confirmed and pending messages)
 * @param hasOlder per conversation, whether history older than the timeline exists
 * @param hidden per conversation, seqs deleted for me on some device
 * @param members per conversation, the members once loaded
 * @param marks per conversation, other members' delivery and read marks
 * @param typing per conversation, who types and until when (local clock)
 */
public record AppState(UserProfile me, Map<ConversationId, ConvEntry> conversations, ConversationId openId,
    Map<ConversationId, Timeline> timelines, Map<ConversationId, Boolean> hasOlder,
    Map<ConversationId, Set<Long>> hidden, Map<ConversationId, List<MemberInfo>> members,
    Map<ConversationId, Map<UserId, ReceiptMarks>> marks, Map<UserId, Presence> presence,
    Map<ConversationId, Map<UserId, Long>> typing, ConnectionStatus connection, String filter,
    boolean infoOpen) {

  public static final AppState SIGNED_OUT = new AppState(null, Map.of(), null, Map.of(), Map.of(), Map.of(),
      Map.of(), Map.of(), Map.of(), Map.of(), ConnectionStatus.INITIAL, "", false);

  public ConvEntry open() {
    return openId == null ? null : conversations.get(openId);
  }

  public Timeline timeline(ConversationId id) {
    Timeline t = timelines.get(id);
    return t != null ? t : Timeline.empty(id);
  }

  /** Users typing in {@code id}, other than me. */
  public List<UserId> typingIn(ConversationId id) {
    Map<UserId, Long> t = typing.get(id);
    return t == null ? List.of() : new ArrayList<>(t.keySet());
  }

  /** The display name of a user as far as this state knows it. */
  public String nameOf(UserId user) {
    if (me != null && me.id().equals(user)) {
      return me.displayName();
    }
    for (List<MemberInfo> list : members.values()) {
      for (MemberInfo m : list) {
        if (m.userId().equals(user) && m.user() != null) {
          return m.user().displayName();
        }
      }
    }
    for (ConvEntry e : conversations.values()) {
      if (e.peer() != null && e.peer().id().equals(user)) {
        return e.peer().displayName();
      }
    }
    return "User " + user.value();
  }

  /** Conversations in list order: pinned first, then by last activity, newest first. */
  public List<ConvEntry> sortedConversations() {
    List<ConvEntry> list = new ArrayList<>(conversations.values());
    list.sort((a, b) -> {
      if (a.pinned() != b.pinned()) {
        return a.pinned() ? -1 : 1;
      }
      if (a.memberState().archived() != b.memberState().archived()) {
        return a.memberState().archived() ? 1 : -1;
      }
      return Long.compare(b.lastActivityMillis(), a.lastActivityMillis());
    });
    return list;
  }

  /** Total unread messages of conversations that are not muted: the number in the tab title. */
  public long totalUnread(long nowMillis) {
    long total = 0;
    for (ConvEntry e : conversations.values()) {
      if (!e.mutedAt(nowMillis) && !e.memberState().hidden()) {
        total += e.unreadCount();
      }
    }
    return total;
  }
}
