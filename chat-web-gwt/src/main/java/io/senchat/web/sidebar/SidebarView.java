package io.senchat.web.sidebar;

import elemental2.dom.Element;
import elemental2.dom.HTMLButtonElement;
import elemental2.dom.HTMLElement;
import elemental2.dom.HTMLInputElement;
import elemental2.dom.KeyboardEvent;
import io.senchat.domain.client.ConnectionState;
import io.senchat.domain.conversation.ConversationId;
import io.senchat.domain.message.Message;
import io.senchat.domain.message.MessageKind;
import io.senchat.domain.presence.Presence;
import io.senchat.domain.presence.PresenceState;
import io.senchat.web.state.AppState;
import io.senchat.web.state.ConvEntry;
import io.senchat.web.ui.Dom;
import io.senchat.web.ui.Format;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jsinterop.base.Js;

/**
 * The left column: my profile, the connection state, the search box, "new chat" and the conversation list (pinned
 * first, then by activity; archived last). Rows are kept per conversation and updated in place, so keyboard focus
 * survives a re-render.
 */
public final class SidebarView {

  /** What the user asked for. */
  public interface Handlers {
    void open(ConversationId id);

    void search(String filter);

    void newChat();

    void signOut();

    void settings();
  }

  private final HTMLElement root = Dom.el("aside", "sidebar");
  private final HTMLElement me = Dom.el("div", "me");
  private final HTMLElement meAvatar = Dom.el("span", "avatar");
  private final HTMLElement meName = Dom.el("span", "me-name");
  private final HTMLElement connection = Dom.el("div", "connection");
  private final HTMLInputElement search = Dom.input("search", "search", "Search conversations");
  private final HTMLButtonElement newChat = Dom.button("new-chat", "icon-button", "+");
  private final HTMLElement list = Dom.el("div", "conversation-list");
  private final HTMLElement empty = Dom.text("p", "empty-list", "No conversations yet. Start one with +.");
  private final Map<ConversationId, Row> rows = new HashMap<>();
  private final Handlers handlers;
  private AppState rendered;

  public SidebarView(Handlers handlers) {
    this.handlers = handlers;
    root.setAttribute("aria-label", "Conversations");
    me.id = "me";
    meAvatar.setAttribute("aria-hidden", "true");
    me.append(meAvatar, meName);
    HTMLButtonElement signOut = Dom.button("sign-out", "link-button", "Sign out");
    HTMLButtonElement settings = Dom.button("settings", "icon-button", "⚙");
    settings.setAttribute("aria-label", "Settings");
    settings.title = "Settings";
    settings.setAttribute("aria-haspopup", "dialog");
    settings.onclick = e -> {
      handlers.settings();
      return null;
    };
    HTMLElement profile = Dom.el("div", "profile");
    profile.append(me, settings, signOut);
    connection.id = "connection-status";
    connection.setAttribute("role", "status");
    newChat.setAttribute("aria-label", "New chat or group");
    newChat.title = "New chat or group";
    newChat.setAttribute("aria-haspopup", "dialog");
    HTMLElement bar = Dom.el("div", "search-bar");
    bar.append(search, newChat);
    list.id = "conversation-list";
    list.setAttribute("role", "list");
    list.setAttribute("aria-label", "Conversation list");
    root.append(profile, connection, bar, empty, list);

    signOut.onclick = e -> {
      handlers.signOut();
      return null;
    };
    newChat.onclick = e -> {
      handlers.newChat();
      return null;
    };
    search.oninput = e -> {
      handlers.search(search.value);
      return null;
    };
    search.addEventListener("keydown", e -> {
      KeyboardEvent k = Js.uncheckedCast(e);
      if ("Escape".equals(k.key)) {
        search.value = "";
        handlers.search("");
      } else if ("ArrowDown".equals(k.key) && list.firstElementChild != null) {
        e.preventDefault();
        Js.<HTMLElement>uncheckedCast(list.firstElementChild).focus();
      }
    });
    list.addEventListener("keydown", e -> {
      KeyboardEvent k = Js.uncheckedCast(e);
      Element row = Js.uncheckedCast(k.target);
      if ("ArrowDown".equals(k.key) && row.nextElementSibling != null) {
        e.preventDefault();
        Js.<HTMLElement>uncheckedCast(row.nextElementSibling).focus();
      } else if ("ArrowUp".equals(k.key)) {
        e.preventDefault();
        if (row.previousElementSibling != null) {
          Js.<HTMLElement>uncheckedCast(row.previousElementSibling).focus();
        } else {
          search.focus();
        }
      }
    });
  }

  public HTMLElement element() {
    return root;
  }

  public void focusNewChat() {
    newChat.focus();
  }

  /** Shows {@code state}; cheap when nothing the sidebar shows changed. */
  public void render(AppState state, long nowMillis) {
    AppState before = rendered;
    rendered = state;
    if (state.me() != null) {
      String name = state.me().displayName();
      Dom.setText(meName, name);
      meAvatar.setAttribute("data-initial", Dom.initial(name));
    }
    renderConnection(state);
    if (before != null && before.conversations() == state.conversations() && before.openId() == state.openId()
        && before.filter().equals(state.filter()) && before.presence() == state.presence()
        && before.typing() == state.typing()) {
      return;
    }
    String filter = state.filter().trim().toLowerCase();
    List<ConvEntry> sorted = state.sortedConversations();
    Set<ConversationId> shown = new HashSet<>();
    Element cursor = list.firstElementChild;
    for (ConvEntry e : sorted) {
      if (e.memberState().hidden() || (!filter.isEmpty() && !e.title().toLowerCase().contains(filter)
          && !(e.peer() != null && e.peer().username().startsWith(filter)))) {
        continue;
      }
      ConversationId id = e.conversation().id();
      shown.add(id);
      Row row = rows.get(id);
      if (row == null) {
        row = new Row(id, handlers);
        rows.put(id, row);
      }
      row.update(e, state, nowMillis);
      if (cursor != row.root) {
        list.insertBefore(row.root, cursor);
      } else {
        cursor = cursor.nextElementSibling;
      }
    }
    for (ConversationId id : new HashSet<>(rows.keySet())) {
      if (!shown.contains(id)) {
        Row gone = rows.remove(id);
        if (gone.root.parentNode != null) {
          list.removeChild(gone.root);
        }
      }
    }
    Dom.show(empty, shown.isEmpty());
    empty.textContent = filter.isEmpty() ? "No conversations yet. Start one with +." : "No conversation matches.";
  }

  private void renderConnection(AppState state) {
    ConnectionState s = state.connection().state();
    String text = switch (s) {
      case ONLINE -> "";
      case CONNECTING -> "Connecting…";
      case RECONNECTING -> "Offline. Reconnecting… unsent messages go out when back.";
      case FAILED -> "Disconnected (" + state.connection().failureCode() + ")";
      case OFFLINE -> state.me() == null ? "" : "Offline";
    };
    Dom.setText(connection, text);
    connection.className = "connection " + s.name().toLowerCase();
    Dom.show(connection, !text.isEmpty());
  }

  /** One conversation in the list. */
  private static final class Row {
    final HTMLElement root = Dom.el("div", "conv");
    final HTMLElement avatar = Dom.el("span", "avatar");
    final HTMLElement dot = Dom.el("span", "presence-dot");
    final HTMLElement title = Dom.el("span", "conv-title");
    final HTMLElement time = Dom.el("span", "conv-time");
    final HTMLElement preview = Dom.el("span", "conv-preview");
    final HTMLElement badge = Dom.el("span", "unread-badge");
    final HTMLElement flags = Dom.el("span", "conv-flags");

    Row(ConversationId id, Handlers handlers) {
      root.setAttribute("data-conversation-id", String.valueOf(id.value()));
      root.setAttribute("role", "listitem");
      root.tabIndex = 0;
      avatar.setAttribute("aria-hidden", "true");
      avatar.append(dot);
      HTMLElement top = Dom.el("span", "conv-top");
      top.append(title, flags, time);
      HTMLElement bottom = Dom.el("span", "conv-bottom");
      bottom.append(preview);
      HTMLElement body = Dom.el("span", "conv-body");
      body.append(top, bottom);
      root.append(avatar, body);
      root.onclick = e -> {
        handlers.open(id);
        return null;
      };
      root.addEventListener("keydown", e -> {
        KeyboardEvent k = Js.uncheckedCast(e);
        if ("Enter".equals(k.key) || " ".equals(k.key)) {
          e.preventDefault();
          handlers.open(id);
        }
      });
    }

    void update(ConvEntry e, AppState state, long now) {
      String name = e.title();
      Dom.setText(title, name);
      avatar.setAttribute("data-initial", Dom.initial(name));
      Message last = e.lastMessage();
      boolean typing = !state.typingIn(e.conversation().id()).isEmpty();
      String previewText = typing ? "typing…" : previewOf(last, state, e.conversation().isGroup());
      Dom.setText(preview, previewText);
      preview.classList.toggle("typing", typing);
      Dom.setText(time, Format.shortTime(e.lastActivityMillis(), (long) elemental2.core.JsDate.now()));
      long unread = e.unreadCount();
      if (unread > 0) {
        Dom.setText(badge, unread > 99 ? "99+" : String.valueOf(unread));
        if (badge.parentNode == null) {
          root.append(badge);
        }
      } else if (badge.parentNode != null) {
        root.removeChild(badge);
      }
      boolean muted = e.mutedAt(now);
      boolean online = false;
      if (e.peer() != null) {
        Presence p = state.presence().get(e.peer().id());
        online = p != null && p.state() == PresenceState.ONLINE;
      }
      dot.className = online ? "presence-dot online" : "presence-dot";
      StringBuilder f = new StringBuilder();
      if (e.pinned()) {
        f.append("📌");
      }
      if (muted) {
        f.append("🔕");
      }
      if (e.memberState().archived()) {
        f.append("🗄");
      }
      Dom.setText(flags, f.toString());
      root.classList.toggle("pinned", e.pinned());
      root.classList.toggle("muted", muted);
      root.classList.toggle("archived", e.memberState().archived());
      root.classList.toggle("unread", unread > 0);
      boolean active = e.conversation().id().equals(state.openId());
      root.classList.toggle("active", active);
      if (active) {
        root.setAttribute("aria-current", "true");
      } else {
        root.removeAttribute("aria-current");
      }
      StringBuilder label = new StringBuilder(name);
      if (online) {
        label.append(", online");
      }
      if (unread > 0) {
        label.append(", ").append(unread).append(" unread");
      }
      if (muted) {
        label.append(", muted");
      }
      if (e.memberState().archived()) {
        label.append(", archived");
      }
      label.append(": ").append(previewText);
      root.setAttribute("aria-label", label.toString());
    }

    private static String previewOf(Message m, AppState state, boolean group) {
      if (m == null) {
        return "No messages yet";
      }
      if (m.deletedForEveryone()) {
        return "Message recalled";
      }
      String body = switch (m.kind()) {
        case TEXT, SYSTEM -> m.text();
        case STICKER -> "[Sticker]";
        case IMAGE -> "[Photo] " + m.text();
        case VIDEO -> "[Video] " + m.text();
        case VOICE -> "[Voice message]";
        case FILE -> "[File] " + (m.attachment() != null ? m.attachment().name() : m.text());
      };
      boolean mine = state.me() != null && state.me().id().equals(m.senderId());
      String prefix = m.kind() == MessageKind.SYSTEM ? "" : mine ? "You: " : group ? state.nameOf(m.senderId()) + ": " : "";
      String line = (prefix + body).replace('\n', ' ');
      return line.length() > 80 ? line.substring(0, 80) + "…" : line;
    }
  }
}
