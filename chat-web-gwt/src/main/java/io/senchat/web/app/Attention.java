package io.senchat.web.app;

import elemental2.dom.DomGlobal;
import elemental2.dom.Notification;
import elemental2.dom.NotificationOptions;
import jsinterop.base.Js;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * Draws the user's attention while the tab is hidden: the unread count in {@code document.title} and, when allowed,
 * a browser notification per message (feature-detected: HtmlUnit and some browsers have no {@code Notification}).
 */
@Singleton
final class Attention {

  private static final String TITLE = "SenChat";

  private final boolean supported;
  private boolean asked;

  @Inject
  Attention() {
    supported = Js.asPropertyMap(DomGlobal.window).has("Notification");
  }

  static boolean tabHidden() {
    return "hidden".equals(Js.asPropertyMap(DomGlobal.document).get("visibilityState"));
  }

  /** Shows "(3) SenChat" while hidden with unread messages, "SenChat" otherwise. */
  void title(long unread) {
    String t = unread > 0 && tabHidden() ? "(" + (unread > 99 ? "99+" : String.valueOf(unread)) + ") " + TITLE
        : TITLE;
    if (!t.equals(DomGlobal.document.title)) {
      DomGlobal.document.title = t;
    }
  }

  /** Asks for permission once, from a user gesture (browsers ignore requests made without one). */
  void askPermissionOnce() {
    if (!supported || asked) {
      return;
    }
    asked = true;
    if ("default".equals(Notification.permission)) {
      try {
        Notification.requestPermission();
      } catch (Throwable old) {
        // Safari's old callback-only form; notifications simply stay off.
      }
    }
  }

  /** A notification with plain text only (the API never renders HTML). */
  void notify(String title, String body, String tag, Runnable onClick) {
    if (!supported || !tabHidden() || !"granted".equals(Notification.permission)) {
      return;
    }
    NotificationOptions options = NotificationOptions.create();
    options.setBody(body.length() > 140 ? body.substring(0, 140) + "…" : body);
    options.setTag(tag);
    Notification n = new Notification(title, options);
    n.onclick = e -> {
      DomGlobal.window.focus();
      onClick.run();
      n.close();
      return null;
    };
  }
}
