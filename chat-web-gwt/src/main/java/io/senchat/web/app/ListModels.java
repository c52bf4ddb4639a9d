package io.senchat.web.app;

import io.senchat.domain.conversation.ConversationId;
import io.senchat.domain.conversation.MemberRole;
import io.senchat.domain.permission.Actor;
import io.senchat.domain.timeline.TimelineEntry;
import io.senchat.domain.unread.ReceiptMarks;
import io.senchat.domain.user.UserId;
import io.senchat.web.messages.MessageListModel;
import io.senchat.web.messages.MessageRules;
import io.senchat.web.state.AppState;
import io.senchat.web.state.ConvEntry;
import io.senchat.web.state.MemberInfo;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Builds the message list's immutable snapshot of the open conversation from the store's state. */
final class ListModels {

  private ListModels() {}

  static MessageListModel of(AppState s, ConvEntry open, boolean loadingOlder, long firstUnreadSeq, long jumpToSeq,
      long nowMillis) {
    ConversationId id = open.conversation().id();
    Set<Long> hidden = s.hidden().getOrDefault(id, Set.of());
    List<TimelineEntry> entries = new ArrayList<>();
    for (TimelineEntry e : s.timeline(id).entries()) {
      if (!(e instanceof TimelineEntry.Confirmed c && (hidden.contains(c.message().seq())
          || c.message().seq() <= open.memberState().clearedThroughSeq()))) {
        entries.add(e);
      }
    }
    Map<UserId, String> names = new HashMap<>();
    Map<UserId, MemberRole> roles = new HashMap<>();
    List<MemberInfo> members = s.members().get(id);
    if (members != null) {
      for (MemberInfo m : members) {
        names.put(m.userId(), m.name());
        roles.put(m.userId(), m.role());
      }
    }
    if (open.peer() != null) {
      names.put(open.peer().id(), open.peer().displayName());
    }
    names.put(s.me().id(), s.me().displayName());
    Map<UserId, ReceiptMarks> receipts = new HashMap<>(s.marks().getOrDefault(id, Map.of()));
    if (members != null) {
      // A member with no receipt yet has received nothing: the least advanced member decides the ticks.
      for (MemberInfo m : members) {
        if (!m.userId().equals(s.me().id()) && !receipts.containsKey(m.userId())) {
          receipts.put(m.userId(), ReceiptMarks.NONE);
        }
      }
    }
    MessageRules rules = members == null ? MessageRules.ownMessagesOnly(s.me().id())
        : MessageRules.of(new Actor(s.me().id(), s.me().role(), open.role(), open.conversation(),
            open.memberCount(), nowMillis), roles);
    return MessageListModel.builder(id, s.me().id())
        .entries(entries)
        .displayNames(names)
        .receipts(receipts)
        .hasOlder(!Boolean.FALSE.equals(s.hasOlder().get(id)) && s.timeline(id).oldestSeq() > 1)
        .loadingOlder(loadingOlder)
        .firstUnreadSeq(firstUnreadSeq)
        .jumpToSeq(jumpToSeq)
        .rules(rules)
        .nowMillis(nowMillis)
        .build();
  }
}
