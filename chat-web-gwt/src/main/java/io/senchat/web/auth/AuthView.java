package io.senchat.web.auth;

import elemental2.dom.HTMLButtonElement;
import elemental2.dom.HTMLElement;
import elemental2.dom.HTMLInputElement;
import elemental2.dom.KeyboardEvent;
import io.senchat.web.ui.Dom;
import jsinterop.base.Js;

/** The sign-in screen: log in, or register with a display name. Reports intent to its {@link Handlers}. */
public final class AuthView {

  /** What the user asked for. */
  public interface Handlers {
    void login(String username, String password);

    void register(String username, String password, String displayName);
  }

  private final HTMLElement root = Dom.el("main", "auth");
  private final HTMLInputElement username = Dom.input("auth-username", "text", "Username");
  private final HTMLInputElement password = Dom.input("auth-password", "password", "Password");
  private final HTMLInputElement displayName = Dom.input("auth-display-name", "text",
      "Display name (to register)");
  private final HTMLButtonElement login = Dom.button("auth-login", "primary", "Log in");
  private final HTMLButtonElement register = Dom.button("auth-register", "secondary", "Create account");
  private final HTMLElement error = Dom.el("p", "auth-error");

  public AuthView(Handlers handlers) {
    HTMLElement card = Dom.el("form", "auth-card");
    card.setAttribute("aria-labelledby", "auth-heading");
    HTMLElement logo = Dom.text("div", "logo", "SenChat");
    logo.setAttribute("aria-hidden", "true");
    HTMLElement heading = Dom.text("h1", null, "Sign in to SenChat");
    heading.id = "auth-heading";
    username.autocomplete = "username";
    username.required = true;
    password.autocomplete = "current-password";
    password.required = true;
    displayName.autocomplete = "name";
    error.id = "auth-error";
    error.setAttribute("role", "alert");
    HTMLElement hint = Dom.text("p", "hint", "New here? Fill in a display name and create an account.");
    HTMLElement buttons = Dom.el("div", "auth-buttons");
    buttons.append(login, register);
    card.append(logo, heading, field("Username", username), field("Password", password),
        field("Display name", displayName), hint, buttons, error);
    root.append(card);

    login.onclick = e -> {
      handlers.login(username.value.trim(), password.value);
      return null;
    };
    register.onclick = e -> {
      handlers.register(username.value.trim(), password.value, displayName.value.trim());
      return null;
    };
    // Enter in any field logs in (registers when a display name is given), without a real form submit.
    card.addEventListener("submit", e -> e.preventDefault());
    card.addEventListener("keydown", e -> {
      KeyboardEvent k = Js.uncheckedCast(e);
      if ("Enter".equals(k.key) && !Js.<HTMLElement>uncheckedCast(k.target).tagName.equalsIgnoreCase("button")) {
        e.preventDefault();
        if (displayName.value.trim().isEmpty()) {
          login.click();
        } else {
          register.click();
        }
      }
    });
  }

  private static HTMLElement field(String label, HTMLInputElement input) {
    HTMLElement l = Dom.el("label", "field");
    l.append(Dom.text("span", null, label), input);
    return l;
  }

  public HTMLElement element() {
    return root;
  }

  /** Shows a failure in words for people (the API's code picks them). */
  public void showError(String text) {
    error.textContent = text;
    setBusy(false);
  }

  public void setBusy(boolean busy) {
    login.disabled = busy;
    register.disabled = busy;
    root.setAttribute("aria-busy", busy ? "true" : "false");
  }

  public void focus() {
    username.focus();
  }
}
