package io.senchat.web.messages;

import elemental2.dom.DomGlobal;
import elemental2.dom.HTMLAnchorElement;
import elemental2.dom.HTMLElement;
import io.senchat.domain.text.RichToken;
import java.util.List;
import jsinterop.base.Js;

/** Renders the domain's {@link RichToken}s as DOM: text nodes and a few fixed elements, never parsed markup. */
final class RichTextDom {

  /** Emphasis nests at most two deep by construction; this bound only guards against a malformed token tree. */
  private static final int MAX_DEPTH = 8;

  private RichTextDom() {
  }

  static void append(HTMLElement parent, List<RichToken> tokens) {
    append(parent, tokens, 0);
  }

  private static void append(HTMLElement parent, List<RichToken> tokens, int depth) {
    for (RichToken token : tokens) {
      if (token instanceof RichToken.Text t) {
        parent.appendChild(DomGlobal.document.createTextNode(t.text()));
      } else if (token instanceof RichToken.Bold b) {
        nested(parent, "strong", b.children(), depth);
      } else if (token instanceof RichToken.Italic it) {
        nested(parent, "em", it.children(), depth);
      } else if (token instanceof RichToken.Code c) {
        parent.appendChild(Dom.text("code", "msg-code", c.literal()));
      } else if (token instanceof RichToken.Link l) {
        parent.appendChild(link(l));
      } else if (token instanceof RichToken.MentionToken m) {
        HTMLElement span = Dom.text("span", "msg-mention", m.label());
        if (m.userId() != null) {
          span.setAttribute("data-user-id", String.valueOf(m.userId().value()));
        }
        parent.appendChild(span);
      } else {
        parent.appendChild(DomGlobal.document.createElement("br"));
      }
    }
  }

  private static void nested(HTMLElement parent, String tag, List<RichToken> children, int depth) {
    HTMLElement e = Dom.el(tag, null);
    if (depth < MAX_DEPTH) {
      append(e, children, depth + 1);
    } else {
      e.textContent = io.senchat.domain.text.RichText.plainText(children);
    }
    parent.appendChild(e);
  }

  private static HTMLElement link(RichToken.Link l) {
    if (!isWebUrl(l.url())) {
      return Dom.text("span", null, l.label());
    }
    HTMLAnchorElement a = Js.uncheckedCast(DomGlobal.document.createElement("a"));
    a.className = "msg-link";
    a.href = l.url();
    a.target = "_blank";
    a.rel = "noopener noreferrer";
    a.textContent = l.label();
    return a;
  }

  /** Only http(s) becomes a link, checked again here so no javascript: or data: URL can ever be clickable. */
  static boolean isWebUrl(String url) {
    String lower = url.length() > 8 ? url.substring(0, 8).toLowerCase() : url.toLowerCase();
    return lower.startsWith("http://") || lower.startsWith("https://");
  }
}
