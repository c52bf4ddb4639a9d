package io.senchat.web.messages;

import elemental2.dom.DomGlobal;
import elemental2.dom.HTMLButtonElement;
import elemental2.dom.HTMLElement;
import elemental2.dom.Node;
import jsinterop.base.Js;

/** Element building without markup: user text only ever becomes text nodes or {@code textContent}. */
final class Dom {

  private Dom() {
  }

  static HTMLElement el(String tag, String className) {
    HTMLElement e = Js.uncheckedCast(DomGlobal.document.createElement(tag));
    if (className != null) {
      e.className = className;
    }
    return e;
  }

  static HTMLElement text(String tag, String className, String text) {
    HTMLElement e = el(tag, className);
    e.textContent = text;
    return e;
  }

  static HTMLButtonElement button(String className, String label, String ariaLabel) {
    HTMLButtonElement b = Js.uncheckedCast(DomGlobal.document.createElement("button"));
    b.type = "button";
    b.className = className;
    b.textContent = label;
    if (ariaLabel != null) {
      b.setAttribute("aria-label", ariaLabel);
      b.title = ariaLabel;
    }
    return b;
  }

  static void clear(Node node) {
    while (node.firstChild != null) {
      node.removeChild(node.firstChild);
    }
  }

  static void px(HTMLElement e, String property, double value) {
    e.style.setProperty(property, value + "px");
  }
}
