package io.senchat.web.info;

import elemental2.dom.HTMLButtonElement;
import elemental2.dom.HTMLElement;
import elemental2.dom.HTMLInputElement;
import io.senchat.domain.conversation.ConversationId;
import io.senchat.domain.conversation.MemberRole;
import io.senchat.domain.permission.Action;
import io.senchat.domain.permission.Actor;
import io.senchat.domain.permission.Permissions;
import io.senchat.domain.permission.Target;
import io.senchat.domain.presence.Presence;
import io.senchat.domain.presence.PresenceState;
import io.senchat.domain.user.UserId;
import io.senchat.domain.user.UserProfile;
import io.senchat.web.state.AppState;
import io.senchat.web.state.ConvEntry;
import io.senchat.web.state.MemberInfo;
import io.senchat.web.ui.Dom;
import java.util.List;

/**
 * The right panel (loaded on demand, behind a split point): my settings for the conversation (pin, mute, archive),
 * the members with their presence, and for admins the group administration (add, remove, promote, demote). The
 * domain's {@link Permissions} decides which buttons show; the server checks again.
 */
public final class InfoPanel {

  /** What the user asked for. */
  public interface Handlers {
    void close();

    void setPinned(ConversationId id, boolean pinned);

    void setMuted(ConversationId id, boolean muted);

    void setArchived(ConversationId id, boolean archived);

    void addMember(ConversationId id, UserId user);

    void removeMember(ConversationId id, UserId user);

    void setRole(ConversationId id, UserId user, MemberRole role);

    void leave(ConversationId id);

    /** Looks people up to add; answers through {@code results}. */
    void search(String query, Results results);
  }

  /** Receives search results. */
  public interface Results {
    void show(String query, List<UserProfile> users);
  }

  private final HTMLElement root = Dom.el("div", "info");
  private final HTMLElement title = Dom.el("h2", "info-title");
  private final HTMLElement subtitle = Dom.el("p", "info-subtitle");
  private final HTMLButtonElement pin = Dom.button("info-pin", "secondary", "");
  private final HTMLButtonElement mute = Dom.button("info-mute", "secondary", "");
  private final HTMLButtonElement archive = Dom.button("info-archive", "secondary", "");
  private final HTMLButtonElement leave = Dom.button("info-leave", "danger", "Leave group");
  private final HTMLElement membersHeading = Dom.el("h3", null);
  private final HTMLElement members = Dom.el("ul", "members");
  private final HTMLElement addBox = Dom.el("div", "add-members");
  private final HTMLInputElement addSearch = Dom.input("add-member-search", "search", "Add people by name");
  private final HTMLElement addResults = Dom.el("ul", "add-results");
  private final Handlers handlers;
  private ConvEntry entry;
  private String lastQuery = "";

  public InfoPanel(Handlers handlers) {
    this.handlers = handlers;
    HTMLButtonElement close = Dom.button("info-close", "icon-button close", "✕");
    close.setAttribute("aria-label", "Close info panel");
    HTMLElement head = Dom.el("div", "info-head");
    head.append(title, close);
    HTMLElement actions = Dom.el("div", "info-actions");
    actions.append(pin, mute, archive);
    members.setAttribute("aria-label", "Members");
    addBox.append(addSearch, addResults);
    root.append(head, subtitle, actions, membersHeading, addBox, members, leave);

    close.onclick = e -> {
      handlers.close();
      return null;
    };
    pin.onclick = e -> {
      if (entry != null) {
        handlers.setPinned(entry.conversation().id(), !entry.pinned());
      }
      return null;
    };
    mute.onclick = e -> {
      if (entry != null) {
        handlers.setMuted(entry.conversation().id(), !entry.mutedAt((long) elemental2.core.JsDate.now()));
      }
      return null;
    };
    archive.onclick = e -> {
      if (entry != null) {
        handlers.setArchived(entry.conversation().id(), !entry.memberState().archived());
      }
      return null;
    };
    leave.onclick = e -> {
      if (entry != null && elemental2.dom.DomGlobal.window.confirm("Leave " + entry.title() + "?")) {
        handlers.leave(entry.conversation().id());
      }
      return null;
    };
    addSearch.oninput = e -> {
      String q = addSearch.value.trim();
      lastQuery = q;
      Dom.clear(addResults);
      if (!q.isEmpty()) {
        handlers.search(q, (query, users) -> {
          if (query.equals(lastQuery)) {
            showCandidates(users);
          }
        });
      }
      return null;
    };
  }

  public HTMLElement element() {
    return root;
  }

  public void render(AppState s, long nowMillis) {
    ConvEntry e = s.open();
    entry = e;
    if (e == null || s.me() == null) {
      return;
    }
    Dom.setText(title, e.title());
    Dom.setText(subtitle, e.conversation().isGroup() ? "Group · " + e.memberCount() + " members"
        : e.peer() != null ? "@" + e.peer().username() : "");
    Dom.setText(pin, e.pinned() ? "Unpin" : "Pin");
    Dom.setText(mute, e.mutedAt(nowMillis) ? "Unmute" : "Mute");
    Dom.setText(archive, e.memberState().archived() ? "Unarchive" : "Archive");
    Actor me = new Actor(s.me().id(), s.me().role(), e.role(), e.conversation(), e.memberCount(), nowMillis);
    boolean group = e.conversation().isGroup();
    leave.hidden = !group;
    addBox.hidden = !group || !Permissions.can(me, Action.ADD_MEMBERS);
    List<MemberInfo> list = s.members().get(e.conversation().id());
    Dom.setText(membersHeading, list == null ? "Members" : "Members (" + list.size() + ")");
    Dom.clear(members);
    if (list == null) {
      members.append(Dom.text("li", "loading", "Loading…"));
      return;
    }
    for (MemberInfo m : list) {
      members.append(memberRow(s, e, me, m));
    }
  }

  private HTMLElement memberRow(AppState s, ConvEntry e, Actor me, MemberInfo m) {
    HTMLElement li = Dom.el("li", "member");
    li.setAttribute("data-user-id", String.valueOf(m.userId().value()));
    Presence p = s.presence().get(m.userId());
    boolean online = p != null && p.state() == PresenceState.ONLINE;
    HTMLElement avatar = Dom.el("span", "avatar");
    avatar.setAttribute("aria-hidden", "true");
    avatar.setAttribute("data-initial", Dom.initial(m.name()));
    avatar.append(Dom.el("span", online ? "presence-dot online" : "presence-dot"));
    boolean self = m.userId().equals(s.me().id());
    HTMLElement name = Dom.text("span", "member-name", m.name() + (self ? " (you)" : ""));
    String roleText = m.role() == MemberRole.OWNER ? "Owner" : m.role() == MemberRole.ADMIN ? "Admin" : "";
    li.append(avatar, name, Dom.text("span", "member-role", roleText));
    li.setAttribute("aria-label", m.name() + (roleText.isEmpty() ? "" : ", " + roleText)
        + (online ? ", online" : ""));
    if (!e.conversation().isGroup() || self) {
      return li;
    }
    Target target = Target.member(m.userId(), m.role());
    ConversationId id = e.conversation().id();
    if (m.role() == MemberRole.MEMBER && Permissions.can(me, Action.PROMOTE_TO_ADMIN, target)) {
      li.append(action("Make admin", "Make " + m.name() + " an admin",
          () -> handlers.setRole(id, m.userId(), MemberRole.ADMIN)));
    }
    if (m.role() == MemberRole.ADMIN && Permissions.can(me, Action.DEMOTE_TO_MEMBER, target)) {
      li.append(action("Remove admin", "Make " + m.name() + " a plain member",
          () -> handlers.setRole(id, m.userId(), MemberRole.MEMBER)));
    }
    if (Permissions.can(me, Action.REMOVE_MEMBER, target)) {
      li.append(action("Remove", "Remove " + m.name() + " from the group",
          () -> handlers.removeMember(id, m.userId())));
    }
    return li;
  }

  private static HTMLButtonElement action(String label, String ariaLabel, Runnable run) {
    HTMLButtonElement b = Dom.button(null, "link-button", label);
    b.setAttribute("aria-label", ariaLabel);
    b.onclick = e -> {
      run.run();
      return null;
    };
    return b;
  }

  private void showCandidates(List<UserProfile> users) {
    Dom.clear(addResults);
    ConvEntry e = entry;
    for (UserProfile u : users) {
      HTMLElement li = Dom.el("li", "candidate");
      li.setAttribute("data-user-id", String.valueOf(u.id().value()));
      li.append(Dom.text("span", null, u.displayName() + " @" + u.username()));
      li.append(action("Add", "Add " + u.displayName(), () -> {
        if (e != null) {
          handlers.addMember(e.conversation().id(), u.id());
          addSearch.value = "";
          Dom.clear(addResults);
        }
      }));
      addResults.append(li);
    }
  }
}
