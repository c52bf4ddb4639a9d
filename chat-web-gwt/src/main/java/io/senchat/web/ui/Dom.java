package io.senchat.web.ui;

import elemental2.dom.DomGlobal;
import elemental2.dom.HTMLButtonElement;
import elemental2.dom.HTMLElement;
import elemental2.dom.HTMLInputElement;
import elemental2.dom.HTMLTextAreaElement;
import jsinterop.base.Js;

/**
 * The only way views build DOM: elements are created and filled with {@code textContent}, never with HTML strings,
 * so user content can never be interpreted as markup.
 */
public final class Dom {

  private Dom() {}

  /** A new element with an optional class ({@code null} or {@code ""} for none). */
  public static HTMLElement el(String tag, String className) {
    HTMLElement e = Js.uncheckedCast(DomGlobal.document.createElement(tag));
    if (className != null && !className.isEmpty()) {
      e.className = className;
    }
    return e;
  }

  /** A new element holding {@code text} as plain text. */
  public static HTMLElement text(String tag, String className, String text) {
    HTMLElement e = el(tag, className);
    e.textContent = text;
    return e;
  }

  /** A button of type "button" (so it never submits a form by accident) with a text label. */
  public static HTMLButtonElement button(String id, String className, String label) {
    HTMLButtonElement b = Js.uncheckedCast(el("button", className));
    b.type = "button";
    if (id != null) {
      b.id = id;
    }
    b.textContent = label;
    return b;
  }

  public static HTMLInputElement input(String id, String type, String placeholder) {
    HTMLInputElement i = Js.uncheckedCast(el("input", null));
    if (id != null) {
      i.id = id;
    }
    i.type = type;
    if (placeholder != null) {
      i.placeholder = placeholder;
      i.setAttribute("aria-label", placeholder);
    }
    return i;
  }

  public static HTMLTextAreaElement textarea(String id, String placeholder) {
    HTMLTextAreaElement t = Js.uncheckedCast(el("textarea", null));
    t.id = id;
    t.placeholder = placeholder;
    t.setAttribute("aria-label", placeholder);
    return t;
  }

  /** The first character of a name (a whole code point, so an emoji is not cut in half), upper-cased. */
  public static String initial(String name) {
    String t = name == null ? "" : name.trim();
    if (t.isEmpty()) {
      return "?";
    }
    return new String(Character.toChars(t.codePointAt(0))).toUpperCase();
  }

  /** Removes every child of {@code parent}. */
  public static void clear(HTMLElement parent) {
    while (parent.firstChild != null) {
      parent.removeChild(parent.firstChild);
    }
  }

  /** Shows or hides an element with the {@code hidden} attribute (styled display:none in senchat.css). */
  public static void show(HTMLElement e, boolean visible) {
    e.hidden = !visible;
  }

  /** Sets a text only when it changed, so screen readers and selection are not disturbed by identical updates. */
  public static void setText(HTMLElement e, String text) {
    if (!text.equals(e.textContent)) {
      e.textContent = text;
    }
  }
}
