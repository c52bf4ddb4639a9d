package io.senchat.web.chat;

import io.senchat.domain.presence.Presence;
import io.senchat.domain.presence.PresenceState;
import io.senchat.domain.user.UserId;
import io.senchat.web.state.AppState;
import io.senchat.web.state.ConvEntry;
import io.senchat.web.ui.Format;
import java.util.List;

/** The line under the chat title: who is typing, else online / last seen (direct) or the member count (group). */
final class ChatStatus {

  private ChatStatus() {}

  static String of(AppState state, ConvEntry e, long wallNowMillis) {
    List<UserId> typers = state.typingIn(e.conversation().id());
    if (!typers.isEmpty()) {
      if (!e.conversation().isGroup()) {
        return "typing…";
      }
      String first = state.nameOf(typers.get(0));
      return typers.size() == 1 ? first + " is typing…" : first + " and " + (typers.size() - 1)
          + " more are typing…";
    }
    if (e.conversation().isGroup()) {
      int online = 0;
      for (Presence p : state.presence().values()) {
        if (p.state() == PresenceState.ONLINE && state.members().containsKey(e.conversation().id())
            && isMember(state, e, p.userId())) {
          online++;
        }
      }
      String members = e.memberCount() + (e.memberCount() == 1 ? " member" : " members");
      return online > 0 ? members + ", " + online + " online" : members;
    }
    if (e.peer() == null) {
      return "";
    }
    Presence p = state.presence().get(e.peer().id());
    if (p == null) {
      return "";
    }
    return p.state() == PresenceState.ONLINE ? "online" : Format.lastSeen(p.lastSeenMillis(), wallNowMillis);
  }

  private static boolean isMember(AppState state, ConvEntry e, UserId user) {
    if (state.me() != null && state.me().id().equals(user)) {
      return false;
    }
    return state.members().get(e.conversation().id()).stream().anyMatch(m -> m.userId().equals(user));
  }
}
