package io.senchat.web.state;

import io.senchat.domain.conversation.Conversation;
import io.senchat.domain.conversation.ConversationId;
import io.senchat.domain.conversation.MemberRole;
import io.senchat.domain.conversation.MemberState;
import io.senchat.domain.message.Message;
import io.senchat.domain.protocol.MemberChange;
import io.senchat.domain.protocol.ServerFrame;
import io.senchat.domain.protocol.ServerFrame.ConversationUpdated;
import io.senchat.domain.protocol.ServerFrame.MemberChanged;
import io.senchat.domain.protocol.ServerFrame.MemberStateChanged;
import io.senchat.domain.protocol.ServerFrame.MessageHidden;
import io.senchat.domain.protocol.ServerFrame.MessageNew;
import io.senchat.domain.protocol.ServerFrame.MessageUpdated;
import io.senchat.domain.protocol.ServerFrame.PresenceEvent;
import io.senchat.domain.protocol.ServerFrame.ReceiptEvent;
import io.senchat.domain.protocol.ServerFrame.TypingEvent;
import io.senchat.domain.rules.Limits;
import io.senchat.domain.timeline.Timeline;
import io.senchat.domain.unread.ReceiptMarks;
import io.senchat.domain.user.UserId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The pure function from (state, action) to the next state. Message ordering, dedup and pending twins are the domain
 * {@link Timeline}'s; receipt marks only rise ({@link ReceiptMarks#advance}); feed events apply as docs/protocol.md
 * says, so a replay after a reconnect changes nothing.
 */
public final class Reducer {

  /** Hidden seqs remembered per conversation; older ones are out of the timeline window anyway. */
  private static final int MAX_HIDDEN_PER_CONVERSATION = 1000;
  /** Most users tracked as typing in one conversation. */
  private static final int MAX_TYPERS = 20;

  private Reducer() {}

  public static AppState reduce(AppState s, Action action) {
    if (action instanceof Action.SignedIn a) {
      return new AppState(a.me(), Map.of(), null, Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), Map.of(),
          Map.of(), s.connection(), "", false);
    }
    if (action instanceof Action.SignedOut) {
      return AppState.SIGNED_OUT;
    }
    if (action instanceof Action.ProfileUpdated a) {
      return s.me() == null || !s.me().id().equals(a.me().id()) ? s
          : new AppState(a.me(), s.conversations(), s.openId(), s.timelines(), s.hasOlder(), s.hidden(), s.members(),
              s.marks(), s.presence(), s.typing(), s.connection(), s.filter(), s.infoOpen());
    }
    if (action instanceof Action.ConversationsLoaded a) {
      Map<ConversationId, ConvEntry> next = a.replace() ? new HashMap<>() : new HashMap<>(s.conversations());
      for (ConvEntry e : a.entries()) {
        next.put(e.conversation().id(), merge(s.conversations().get(e.conversation().id()), e));
      }
      return conversations(s, next);
    }
    if (action instanceof Action.ConversationUpserted a) {
      ConversationId id = a.entry().conversation().id();
      return conversations(s, with(s.conversations(), id, merge(s.conversations().get(id), a.entry())));
    }
    if (action instanceof Action.Opened a) {
      return new AppState(s.me(), s.conversations(), a.id(), s.timelines(), s.hasOlder(), s.hidden(), s.members(),
          s.marks(), s.presence(), s.typing(), s.connection(), s.filter(), s.infoOpen());
    }
    if (action instanceof Action.HistoryLoaded a) {
      Timeline t = s.timeline(a.id());
      if (a.focusSeq() > 0) {
        t = t.focusOn(a.focusSeq());
      }
      t = t.receiveAll(a.messages());
      AppState next = timelines(s, with(s.timelines(), a.id(), t));
      if (a.hasOlder() != null) {
        next = new AppState(next.me(), next.conversations(), next.openId(), next.timelines(),
            with(next.hasOlder(), a.id(), a.hasOlder()), next.hidden(), next.members(), next.marks(),
            next.presence(), next.typing(), next.connection(), next.filter(), next.infoOpen());
      }
      if (!a.messages().isEmpty()) {
        next = lastMessage(next, a.messages().get(a.messages().size() - 1), false);
      }
      return next;
    }
    if (action instanceof Action.MembersLoaded a) {
      return members(s, with(s.members(), a.id(), List.copyOf(a.members())));
    }
    if (action instanceof Action.Server a) {
      return server(s, a.frame(), a.nowMillis());
    }
    if (action instanceof Action.PendingAdded a) {
      ConversationId id = a.message().message().conversationId();
      return timelines(s, with(s.timelines(), id, s.timeline(id).addPending(a.message())));
    }
    if (action instanceof Action.SendAcked a) {
      return timelines(s, with(s.timelines(), a.id(),
          s.timeline(a.id()).confirm(a.clientId(), a.seq(), a.sentAtMillis())));
    }
    if (action instanceof Action.SendFailed a) {
      return timelines(s, with(s.timelines(), a.id(), s.timeline(a.id()).markFailed(a.clientId())));
    }
    if (action instanceof Action.Retrying a) {
      return timelines(s, with(s.timelines(), a.id(), s.timeline(a.id()).markRetrying(a.clientId())));
    }
    if (action instanceof Action.PendingDiscarded a) {
      return timelines(s, with(s.timelines(), a.id(), s.timeline(a.id()).removePending(a.clientId())));
    }
    if (action instanceof Action.MarkedRead a) {
      ConvEntry e = s.conversations().get(a.id());
      if (e == null) {
        return s;
      }
      MemberState m = e.memberState();
      long read = Math.max(m.lastReadSeq(), a.seq());
      MemberState state = new MemberState(m.conversationId(), m.userId(), m.pinned(), m.mutedUntilMillis(),
          m.archived(), m.hidden(), Math.max(m.lastDeliveredSeq(), read), read, m.clearedThroughSeq());
      long unread = read >= e.conversation().lastSeq() ? 0 : e.unreadCount();
      return conversations(s, with(s.conversations(), a.id(), e.withState(state).withUnread(unread)));
    }
    if (action instanceof Action.Connection a) {
      return new AppState(s.me(), s.conversations(), s.openId(), s.timelines(), s.hasOlder(), s.hidden(),
          s.members(), s.marks(), s.presence(), s.typing(), a.status(), s.filter(), s.infoOpen());
    }
    if (action instanceof Action.FilterChanged a) {
      return new AppState(s.me(), s.conversations(), s.openId(), s.timelines(), s.hasOlder(), s.hidden(),
          s.members(), s.marks(), s.presence(), s.typing(), s.connection(), a.filter(), s.infoOpen());
    }
    if (action instanceof Action.InfoToggled a) {
      return new AppState(s.me(), s.conversations(), s.openId(), s.timelines(), s.hasOlder(), s.hidden(),
          s.members(), s.marks(), s.presence(), s.typing(), s.connection(), s.filter(), a.open());
    }
    if (action instanceof Action.Tick a) {
      return expireTyping(s, a.nowMillis());
    }
    return s;
  }

  private static AppState server(AppState s, ServerFrame frame, long now) {
    if (frame instanceof MessageNew e) {
      return message(s, e.message(), true);
    }
    if (frame instanceof MessageUpdated e) {
      return message(s, e.message(), false);
    }
    if (frame instanceof MessageHidden e) {
      Set<Long> set = new HashSet<>(s.hidden().getOrDefault(e.conversationId(), Set.of()));
      if (set.size() >= MAX_HIDDEN_PER_CONVERSATION) {
        set.clear();
      }
      set.add(e.seq());
      return new AppState(s.me(), s.conversations(), s.openId(), s.timelines(), s.hasOlder(),
          with(s.hidden(), e.conversationId(), Set.copyOf(set)), s.members(), s.marks(), s.presence(), s.typing(),
          s.connection(), s.filter(), s.infoOpen());
    }
    if (frame instanceof ReceiptEvent e) {
      return receipt(s, e);
    }
    if (frame instanceof ConversationUpdated e) {
      if (s.me() == null) {
        return s;
      }
      Conversation c = e.conversation();
      ConvEntry old = s.conversations().get(c.id());
      ConvEntry next = old != null ? old.with(c)
          : new ConvEntry(c, c.createdBy().equals(s.me().id()) && c.isGroup()
              ? MemberRole.OWNER : MemberRole.MEMBER, MemberState.initial(c.id(), s.me().id()), 0, 0, null, null,
              c.createdAtMillis());
      return conversations(s, with(s.conversations(), c.id(), next));
    }
    if (frame instanceof MemberChanged e) {
      return memberChanged(s, e);
    }
    if (frame instanceof MemberStateChanged e) {
      MemberState m = e.memberState();
      ConvEntry old = s.conversations().get(m.conversationId());
      if (old == null) {
        return s;
      }
      long unread = m.lastReadSeq() >= old.conversation().lastSeq() ? 0 : old.unreadCount();
      return conversations(s, with(s.conversations(), m.conversationId(), old.withState(m).withUnread(unread)));
    }
    if (frame instanceof TypingEvent e) {
      if (s.me() != null && s.me().id().equals(e.userId())) {
        return s;
      }
      Map<UserId, Long> typers = new HashMap<>(s.typing().getOrDefault(e.conversationId(), Map.of()));
      if (e.typing()) {
        if (typers.size() >= MAX_TYPERS && !typers.containsKey(e.userId())) {
          return s;
        }
        typers.put(e.userId(), now + Limits.TYPING_EXPIRY_MILLIS);
      } else {
        typers.remove(e.userId());
      }
      return typing(s, with(s.typing(), e.conversationId(), Map.copyOf(typers)));
    }
    if (frame instanceof PresenceEvent e) {
      return new AppState(s.me(), s.conversations(), s.openId(), s.timelines(), s.hasOlder(), s.hidden(),
          s.members(), s.marks(), with(s.presence(), e.presence().userId(), e.presence()), s.typing(),
          s.connection(), s.filter(), s.infoOpen());
    }
    return s;
  }

  private static AppState message(AppState s, Message m, boolean isNew) {
    ConversationId id = m.conversationId();
    AppState next = s;
    // Only conversations the user has a timeline for keep messages; others just update their list row.
    if (s.timelines().containsKey(id) || id.equals(s.openId())) {
      next = timelines(s, with(s.timelines(), id, s.timeline(id).receive(m)));
    }
    if (isNew && s.typing().containsKey(id) && s.typing().get(id).containsKey(m.senderId())) {
      // A message ends its sender's typing indicator at once.
      Map<UserId, Long> typers = new HashMap<>(s.typing().get(id));
      typers.remove(m.senderId());
      next = typing(next, with(next.typing(), id, Map.copyOf(typers)));
    }
    return lastMessage(next, m, isNew);
  }

  /** Moves a conversation's row forward to {@code m} when it is newer than what the row knows. */
  private static AppState lastMessage(AppState s, Message m, boolean countUnread) {
    ConvEntry e = s.conversations().get(m.conversationId());
    if (e == null) {
      return s;
    }
    Conversation c = e.conversation();
    if (m.seq() < c.lastSeq() || (m.seq() == c.lastSeq() && e.lastMessage() != null
        && e.lastMessage().seq() == m.seq() && e.lastMessage().equals(m))) {
      return s;
    }
    boolean newer = m.seq() > c.lastSeq();
    boolean mine = s.me() != null && s.me().id().equals(m.senderId());
    long unread = e.unreadCount();
    if (newer && countUnread && !mine && m.seq() > e.memberState().lastReadSeq()) {
      unread++;
    }
    ConvEntry updated = e.withLast(m, unread);
    if (newer) {
      updated = updated.with(new Conversation(c.id(), c.kind(), c.title(), c.avatarUrl(), c.settings(),
          c.createdBy(), m.seq(), c.createdAtMillis()));
    }
    if (updated.memberState().hidden() && newer) {
      // A hidden conversation comes back with a new message.
      MemberState h = updated.memberState();
      updated = updated.withState(new MemberState(h.conversationId(), h.userId(), h.pinned(), h.mutedUntilMillis(),
          h.archived(), false, h.lastDeliveredSeq(), h.lastReadSeq(), h.clearedThroughSeq()));
    }
    return conversations(s, with(s.conversations(), c.id(), updated));
  }

  private static AppState receipt(AppState s, ReceiptEvent e) {
    ConvEntry conv = s.conversations().get(e.conversationId());
    long lastSeq = conv == null ? Long.MAX_VALUE : Math.max(conv.conversation().lastSeq(),
        s.timeline(e.conversationId()).newestSeq());
    if (s.me() != null && s.me().id().equals(e.userId())) {
      return conv == null ? s : reduce(s, new Action.MarkedRead(e.conversationId(), e.readSeq()));
    }
    Map<UserId, ReceiptMarks> marks = s.marks().getOrDefault(e.conversationId(), Map.of());
    ReceiptMarks current = marks.getOrDefault(e.userId(), ReceiptMarks.NONE);
    ReceiptMarks next = ReceiptMarks.advance(current, e.deliveredSeq(), e.readSeq(), lastSeq);
    if (next == current) {
      return s;
    }
    return new AppState(s.me(), s.conversations(), s.openId(), s.timelines(), s.hasOlder(), s.hidden(), s.members(),
        with(s.marks(), e.conversationId(), with(marks, e.userId(), next)), s.presence(), s.typing(),
        s.connection(), s.filter(), s.infoOpen());
  }

  private static AppState memberChanged(AppState s, MemberChanged e) {
    ConvEntry conv = s.conversations().get(e.conversationId());
    boolean me = s.me() != null && s.me().id().equals(e.userId());
    AppState next = s;
    if (me && e.change() == MemberChange.REMOVED) {
      Map<ConversationId, ConvEntry> convs = new HashMap<>(s.conversations());
      convs.remove(e.conversationId());
      next = conversations(s, Map.copyOf(convs));
      if (e.conversationId().equals(s.openId())) {
        next = reduce(next, new Action.Opened(null));
      }
      return next;
    }
    if (conv != null) {
      int delta = e.change() == MemberChange.ADDED ? 1 : e.change() == MemberChange.REMOVED ? -1 : 0;
      MemberRole role = me && e.role() != null ? e.role() : conv.role();
      next = conversations(next, with(next.conversations(), e.conversationId(),
          conv.withMembership(role, Math.max(0, conv.memberCount() + delta))));
    }
    List<MemberInfo> list = s.members().get(e.conversationId());
    if (list != null) {
      List<MemberInfo> updated = new ArrayList<>();
      for (MemberInfo m : list) {
        if (!m.userId().equals(e.userId())) {
          updated.add(m);
        } else if (e.change() == MemberChange.ROLE) {
          updated.add(new MemberInfo(m.userId(), e.role(), m.user()));
        }
      }
      if (e.change() == MemberChange.ADDED) {
        // The profile arrives with the next members fetch; the controller asks for it.
        updated.add(new MemberInfo(e.userId(), e.role() == null ? MemberRole.MEMBER : e.role(), null));
      }
      next = members(next, with(next.members(), e.conversationId(), List.copyOf(updated)));
    }
    return next;
  }

  private static AppState expireTyping(AppState s, long now) {
    boolean changed = false;
    Map<ConversationId, Map<UserId, Long>> all = new HashMap<>();
    for (Map.Entry<ConversationId, Map<UserId, Long>> conv : s.typing().entrySet()) {
      Map<UserId, Long> kept = new HashMap<>();
      for (Map.Entry<UserId, Long> t : conv.getValue().entrySet()) {
        if (t.getValue() > now) {
          kept.put(t.getKey(), t.getValue());
        } else {
          changed = true;
        }
      }
      if (!kept.isEmpty()) {
        all.put(conv.getKey(), Map.copyOf(kept));
      }
    }
    return changed ? typing(s, Map.copyOf(all)) : s;
  }

  /** A REST row replaces the known one but keeps what REST does not know better (a newer last message). */
  private static ConvEntry merge(ConvEntry old, ConvEntry fresh) {
    if (old == null || old.conversation().lastSeq() <= fresh.conversation().lastSeq()) {
      return fresh.peer() == null && old != null && old.peer() != null
          ? new ConvEntry(fresh.conversation(), fresh.role(), fresh.memberState(), fresh.memberCount(),
              fresh.unreadCount(), fresh.lastMessage(), old.peer(), fresh.lastActivityMillis())
          : fresh;
    }
    return new ConvEntry(old.conversation(), fresh.role(), fresh.memberState(), fresh.memberCount(),
        old.unreadCount(), old.lastMessage(), fresh.peer() != null ? fresh.peer() : old.peer(),
        Math.max(old.lastActivityMillis(), fresh.lastActivityMillis()));
  }

  private static AppState conversations(AppState s, Map<ConversationId, ConvEntry> c) {
    return new AppState(s.me(), Map.copyOf(c), s.openId(), s.timelines(), s.hasOlder(), s.hidden(), s.members(),
        s.marks(), s.presence(), s.typing(), s.connection(), s.filter(), s.infoOpen());
  }

  private static AppState timelines(AppState s, Map<ConversationId, Timeline> t) {
    return new AppState(s.me(), s.conversations(), s.openId(), t, s.hasOlder(), s.hidden(), s.members(), s.marks(),
        s.presence(), s.typing(), s.connection(), s.filter(), s.infoOpen());
  }

  private static AppState members(AppState s, Map<ConversationId, List<MemberInfo>> m) {
    return new AppState(s.me(), s.conversations(), s.openId(), s.timelines(), s.hasOlder(), s.hidden(), m,
        s.marks(), s.presence(), s.typing(), s.connection(), s.filter(), s.infoOpen());
  }

  private static AppState typing(AppState s, Map<ConversationId, Map<UserId, Long>> t) {
    return new AppState(s.me(), s.conversations(), s.openId(), s.timelines(), s.hasOlder(), s.hidden(), s.members(),
        s.marks(), s.presence(), t, s.connection(), s.filter(), s.infoOpen());
  }

  /** A copy of {@code map} with one entry set: state maps are never mutated in place. */
  static <K, V> Map<K, V> with(Map<K, V> map, K key, V value) {
    Map<K, V> copy = new HashMap<>(map);
    copy.put(key, value);
    return Map.copyOf(copy);
  }
}
