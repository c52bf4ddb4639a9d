package io.senchat.web.settings;

import elemental2.dom.DomGlobal;
import elemental2.dom.Element;
import elemental2.dom.HTMLButtonElement;
import elemental2.dom.HTMLElement;
import elemental2.dom.HTMLInputElement;
import elemental2.dom.KeyboardEvent;
import io.senchat.domain.user.UserProfile;
import io.senchat.web.ui.Dom;
import jsinterop.base.Js;

/** My profile (display name, status) and notification permission; loaded on demand behind a split point. */
public final class SettingsDialog {

  /** What the user asked for. */
  public interface Handlers {
    /** Saves the profile; the dialog closes through {@link SettingsDialog#close} or shows an error. */
    void save(String displayName, String statusText);

    void enableNotifications();
  }

  private final HTMLElement backdrop = Dom.el("div", "dialog-backdrop");
  private final HTMLInputElement name = Dom.input("settings-display-name", "text", "Display name");
  private final HTMLInputElement status = Dom.input("settings-status", "text", "Status");
  private final HTMLButtonElement save = Dom.button("settings-save", "primary", "Save");
  private final HTMLElement message = Dom.el("p", "dialog-message");
  private Element returnFocus;

  public SettingsDialog(Handlers handlers) {
    HTMLElement dialog = Dom.el("div", "dialog");
    dialog.id = "settings-dialog";
    dialog.setAttribute("role", "dialog");
    dialog.setAttribute("aria-modal", "true");
    dialog.setAttribute("aria-labelledby", "settings-heading");
    HTMLElement heading = Dom.text("h2", null, "Settings");
    heading.id = "settings-heading";
    HTMLButtonElement close = Dom.button(null, "icon-button close", "✕");
    close.setAttribute("aria-label", "Close");
    HTMLElement head = Dom.el("div", "dialog-head");
    head.append(heading, close);
    name.maxLength = 64;
    status.maxLength = 140;
    HTMLButtonElement notify = Dom.button("settings-notifications", "secondary", "Enable notifications");
    message.setAttribute("role", "status");
    HTMLElement buttons = Dom.el("div", "group-create");
    buttons.append(notify, save);
    dialog.append(head, label("Display name", name), label("Status", status), message, buttons);
    backdrop.append(dialog);
    backdrop.hidden = true;

    close.onclick = e -> {
      close();
      return null;
    };
    save.onclick = e -> {
      String n = name.value.trim();
      if (n.isEmpty()) {
        message.textContent = "The display name cannot be empty.";
        return null;
      }
      save.disabled = true;
      handlers.save(n, status.value.trim());
      return null;
    };
    notify.onclick = e -> {
      handlers.enableNotifications();
      return null;
    };
    dialog.addEventListener("keydown", e -> {
      KeyboardEvent k = Js.uncheckedCast(e);
      if ("Escape".equals(k.key)) {
        e.preventDefault();
        e.stopPropagation();
        close();
      } else if ("Enter".equals(k.key) && k.target != notify && k.target != close) {
        e.preventDefault();
        save.click();
      }
    });
  }

  private static HTMLElement label(String text, HTMLInputElement input) {
    HTMLElement l = Dom.el("label", "field");
    l.append(Dom.text("span", null, text), input);
    return l;
  }

  public HTMLElement element() {
    return backdrop;
  }

  public void open(UserProfile me) {
    returnFocus = DomGlobal.document.activeElement;
    name.value = me.displayName();
    status.value = me.statusText();
    message.textContent = "";
    save.disabled = false;
    backdrop.hidden = false;
    name.focus();
  }

  public void close() {
    if (backdrop.hidden) {
      return;
    }
    backdrop.hidden = true;
    if (returnFocus != null) {
      Js.<HTMLElement>uncheckedCast(returnFocus).focus();
    }
  }

  public void showError(String text) {
    message.textContent = text;
    save.disabled = false;
  }
}
