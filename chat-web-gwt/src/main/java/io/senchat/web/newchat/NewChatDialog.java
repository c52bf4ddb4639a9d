package io.senchat.web.newchat;

import elemental2.dom.DomGlobal;
import elemental2.dom.Element;
import elemental2.dom.HTMLButtonElement;
import elemental2.dom.HTMLElement;
import elemental2.dom.HTMLInputElement;
import elemental2.dom.KeyboardEvent;
import io.senchat.domain.user.UserId;
import io.senchat.domain.user.UserProfile;
import io.senchat.web.ui.Dom;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import jsinterop.base.Js;

/**
 * "New chat / new group": search contacts; Enter or a click on a person opens the direct chat; ticking people and
 * naming the group creates a group. Esc closes and focus returns to where it was.
 */
public final class NewChatDialog {

  /** What the user asked for. */
  public interface Handlers {
    /** Looks contacts up; the dialog shows what {@code results} receives (latest query wins). */
    void search(String query, Results results);

    void openDirect(UserId user);

    void createGroup(String title, List<UserId> members);

    default void closed() {}
  }

  /** Receives search results. */
  public interface Results {
    void show(String query, List<UserProfile> users);
  }

  private static final int MAX_PICKED = 499;

  private final HTMLElement backdrop = Dom.el("div", "dialog-backdrop");
  private final HTMLElement dialog = Dom.el("div", "dialog");
  private final HTMLInputElement search = Dom.input("new-chat-search", "search", "Search people by name or username");
  private final HTMLElement results = Dom.el("div", "results");
  private final HTMLInputElement groupName = Dom.input("new-group-name", "text", "Group name");
  private final HTMLButtonElement create = Dom.button("new-group-create", "primary", "Create group");
  private final HTMLElement message = Dom.el("p", "dialog-message");
  private final Set<UserId> picked = new LinkedHashSet<>();
  private final Handlers handlers;
  private String lastQuery = "";
  private Element returnFocus;

  public NewChatDialog(Handlers handlers) {
    this.handlers = handlers;
    dialog.id = "new-chat-dialog";
    dialog.setAttribute("role", "dialog");
    dialog.setAttribute("aria-modal", "true");
    dialog.setAttribute("aria-labelledby", "new-chat-heading");
    HTMLElement heading = Dom.text("h2", null, "New chat");
    heading.id = "new-chat-heading";
    HTMLButtonElement close = Dom.button("new-chat-close", "icon-button close", "✕");
    close.setAttribute("aria-label", "Close");
    HTMLElement head = Dom.el("div", "dialog-head");
    head.append(heading, close);
    results.setAttribute("role", "list");
    results.setAttribute("aria-label", "People");
    message.setAttribute("role", "status");
    groupName.maxLength = 100;
    HTMLElement group = Dom.el("div", "group-create");
    group.append(groupName, create);
    dialog.append(head, search, results, message,
        Dom.text("p", "hint", "Tick people and name the group to create a group."), group);
    backdrop.append(dialog);
    backdrop.hidden = true;

    close.onclick = e -> {
      close();
      return null;
    };
    backdrop.onclick = e -> {
      if (e.target == backdrop) {
        close();
      }
      return null;
    };
    search.oninput = e -> {
      query();
      return null;
    };
    create.onclick = e -> {
      createGroup();
      return null;
    };
    groupName.addEventListener("keydown", e -> {
      if ("Enter".equals(Js.<KeyboardEvent>uncheckedCast(e).key)) {
        e.preventDefault();
        createGroup();
      }
    });
    dialog.addEventListener("keydown", e -> {
      KeyboardEvent k = Js.uncheckedCast(e);
      if ("Escape".equals(k.key)) {
        e.preventDefault();
        e.stopPropagation();
        close();
      } else if ("Tab".equals(k.key)) {
        trapFocus(k);
      } else if ("ArrowDown".equals(k.key) && k.target == search && results.firstElementChild != null) {
        e.preventDefault();
        Js.<HTMLElement>uncheckedCast(results.firstElementChild).focus();
      }
    });
  }

  public HTMLElement element() {
    return backdrop;
  }

  public boolean isOpen() {
    return !backdrop.hidden;
  }

  public void open() {
    returnFocus = DomGlobal.document.activeElement;
    backdrop.hidden = false;
    search.value = "";
    groupName.value = "";
    picked.clear();
    Dom.clear(results);
    message.textContent = "Type a name to find people.";
    search.focus();
  }

  public void close() {
    if (backdrop.hidden) {
      return;
    }
    backdrop.hidden = true;
    if (returnFocus != null) {
      Js.<HTMLElement>uncheckedCast(returnFocus).focus();
    }
    handlers.closed();
  }

  /** Shows a failure (group creation refused...). */
  public void showError(String text) {
    message.textContent = text;
    create.disabled = false;
  }

  private void query() {
    String q = search.value.trim();
    lastQuery = q;
    if (q.isEmpty()) {
      Dom.clear(results);
      message.textContent = "Type a name to find people.";
      return;
    }
    handlers.search(q, (query, users) -> {
      if (query.equals(lastQuery)) {
        show(users);
      }
    });
  }

  private void show(List<UserProfile> users) {
    Dom.clear(results);
    message.textContent = users.isEmpty() ? "Nobody found." : "";
    for (UserProfile u : users) {
      results.append(row(u));
    }
  }

  private HTMLElement row(UserProfile u) {
    HTMLElement row = Dom.el("div", "person");
    row.setAttribute("data-user-id", String.valueOf(u.id().value()));
    row.setAttribute("role", "listitem");
    row.tabIndex = 0;
    row.setAttribute("aria-label", u.displayName() + " (@" + u.username() + "). Enter opens the chat.");
    HTMLInputElement pick = Dom.input(null, "checkbox", null);
    pick.className = "pick";
    pick.checked = picked.contains(u.id());
    pick.setAttribute("aria-label", "Add " + u.displayName() + " to the group");
    HTMLElement avatar = Dom.el("span", "avatar");
    avatar.setAttribute("data-initial", Dom.initial(u.displayName()));
    avatar.setAttribute("aria-hidden", "true");
    HTMLElement names = Dom.el("span", "person-names");
    names.append(Dom.text("span", "person-name", u.displayName()), Dom.text("span", "person-username",
        "@" + u.username()));
    row.append(pick, avatar, names);
    pick.onclick = e -> {
      e.stopPropagation();
      if (pick.checked) {
        if (picked.size() >= MAX_PICKED) {
          pick.checked = false;
          message.textContent = "A group can have at most 500 members.";
        } else {
          picked.add(u.id());
        }
      } else {
        picked.remove(u.id());
      }
      return null;
    };
    row.onclick = e -> {
      handlers.openDirect(u.id());
      return null;
    };
    row.addEventListener("keydown", e -> {
      KeyboardEvent k = Js.uncheckedCast(e);
      if (k.target != row) {
        return;
      }
      if ("Enter".equals(k.key)) {
        e.preventDefault();
        handlers.openDirect(u.id());
      } else if (" ".equals(k.key)) {
        e.preventDefault();
        pick.click();
      } else if ("ArrowDown".equals(k.key) && row.nextElementSibling != null) {
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
    return row;
  }

  private void createGroup() {
    String title = groupName.value.trim();
    if (title.isEmpty()) {
      message.textContent = "Give the group a name.";
      groupName.focus();
      return;
    }
    if (picked.isEmpty()) {
      message.textContent = "Tick at least one person.";
      return;
    }
    create.disabled = true;
    handlers.createGroup(title, new ArrayList<>(picked));
  }

  /** Keeps Tab inside the dialog while it is open. */
  private void trapFocus(KeyboardEvent k) {
    List<HTMLElement> focusable = new ArrayList<>();
    elemental2.dom.NodeList<Element> all = dialog.querySelectorAll("input, button, [tabindex='0']");
    for (int i = 0; i < all.length; i++) {
      focusable.add(Js.uncheckedCast(all.item(i)));
    }
    if (focusable.isEmpty()) {
      return;
    }
    Element active = DomGlobal.document.activeElement;
    if (k.shiftKey && active == focusable.get(0)) {
      k.preventDefault();
      focusable.get(focusable.size() - 1).focus();
    } else if (!k.shiftKey && active == focusable.get(focusable.size() - 1)) {
      k.preventDefault();
      focusable.get(0).focus();
    }
  }

  /** Re-enables the create button after a failure or success. */
  public void done() {
    create.disabled = false;
  }
}
