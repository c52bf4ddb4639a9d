package io.senchat.web.messages;

import elemental2.core.JsDate;
import elemental2.dom.HTMLAnchorElement;
import elemental2.dom.HTMLButtonElement;
import elemental2.dom.HTMLElement;
import elemental2.dom.HTMLTextAreaElement;
import io.senchat.domain.message.MessageKind;
import io.senchat.domain.message.MessageStatus;
import io.senchat.domain.text.RichText;
import io.senchat.domain.text.RichToken;
import java.util.List;
import jsinterop.base.Js;

/** Fills a recycled row element from a {@link RowSpec}; clicks and keys are handled by the list, by delegation. */
final class RowRenderer {

  /** The quick reactions, always at hand; the full picker is code-split behind GWT.runAsync. */
  static final List<String> QUICK_EMOJIS = List.of("👍", "❤️", "😂", "😮", "😢", "😡");

  /** Per-row UI state the list keeps across re-renders: the open editor or emoji popover. */
  record UiState(String editingKey, String draft, String popoverKey, List<String> fullEmojis) {
  }

  private RowRenderer() {
  }

  /** Rebuilds {@code row} (its attributes and children) for {@code spec}, the {@code index}-th of the rows. */
  static void fill(HTMLElement row, RowSpec spec, int index, int setSize, UiState ui) {
    Dom.clear(row);
    for (String attr : new String[] {"data-seq", "data-local-id", "data-status"}) {
      row.removeAttribute(attr);
    }
    row.className = "msg-row" + (spec.own() ? " msg-own" : "") + (spec.groupEnd() ? " msg-group-end" : "")
        + (spec.kind() == MessageKind.SYSTEM ? " msg-system" : "");
    row.setAttribute("data-key", spec.key());
    row.setAttribute("data-index", index);
    row.setAttribute("role", "listitem");
    row.setAttribute("aria-posinset", index + 1);
    row.setAttribute("aria-setsize", setSize);
    if (spec.isLocal()) {
      row.setAttribute("data-local-id", spec.localId());
    } else {
      row.setAttribute("data-seq", String.valueOf(spec.seq()));
    }
    if (spec.own() && spec.status() != null) {
      row.setAttribute("data-status", statusName(spec.status()));
    }
    List<RichToken> tokens = spec.deleted() ? List.of() : RichText.parse(spec.text(), spec.mentions());
    row.setAttribute("aria-label", label(spec, tokens));

    if (spec.dayBreak()) {
      HTMLElement day = Dom.text("div", "msg-day", dayLabel(spec.timeMillis()));
      day.setAttribute("role", "separator");
      row.appendChild(day);
    }
    if (spec.unreadDivider()) {
      HTMLElement unread = Dom.text("div", "msg-unread", "New messages");
      unread.setAttribute("role", "separator");
      row.appendChild(unread);
    }
    if (spec.groupStart() && !spec.own() && spec.kind() != MessageKind.SYSTEM) {
      row.appendChild(Dom.text("div", "msg-sender", spec.senderName()));
    }
    row.appendChild(bubble(spec, tokens, ui));
    if (!spec.reactions().isEmpty()) {
      row.appendChild(reactions(spec));
    }
    if (!spec.isLocal() && spec.kind() != MessageKind.SYSTEM) {
      row.appendChild(actions(spec));
    }
    if (spec.key().equals(ui.popoverKey())) {
      row.classList.add("msg-menu-open");
      row.appendChild(popover(ui.fullEmojis()));
    }
  }

  private static HTMLElement bubble(RowSpec spec, List<RichToken> tokens, UiState ui) {
    HTMLElement bubble = Dom.el("div", "msg-bubble");
    if (spec.reply() != null && !spec.deleted()) {
      HTMLElement reply = Dom.el("div", "msg-reply");
      reply.setAttribute("data-action", "jump");
      reply.setAttribute("role", "button");
      reply.setAttribute("tabindex", "-1");
      reply.setAttribute("aria-label", "Go to the replied message");
      if (!spec.reply().senderName().isEmpty()) {
        reply.appendChild(Dom.text("span", "msg-reply-sender", spec.reply().senderName()));
      }
      reply.appendChild(Dom.text("span", "msg-reply-text", spec.reply().text()));
      bubble.appendChild(reply);
    }
    if (spec.deleted()) {
      bubble.appendChild(Dom.text("div", "msg-deleted", "This message was deleted"));
    } else if (spec.key().equals(ui.editingKey())) {
      HTMLTextAreaElement editor = Js.uncheckedCast(Dom.el("textarea", "msg-editor"));
      editor.value = ui.draft();
      editor.setAttribute("aria-label", "Edit message");
      editor.setAttribute("maxlength", "8000");
      editor.rows = 2;
      bubble.appendChild(editor);
      bubble.appendChild(Dom.text("div", "msg-edit-hint", "Enter to save · Esc to cancel"));
    } else {
      if (spec.attachment() != null) {
        bubble.appendChild(attachment(spec));
      } else if (spec.kind() == MessageKind.STICKER) {
        bubble.appendChild(Dom.text("div", "msg-attachment", "[Sticker]"));
      }
      if (!tokens.isEmpty()) {
        HTMLElement text = Dom.el("div", "msg-text");
        RichTextDom.append(text, tokens);
        bubble.appendChild(text);
      }
    }
    HTMLElement meta = Dom.el("div", "msg-meta");
    if (spec.edited() && !spec.deleted()) {
      meta.appendChild(Dom.text("span", "msg-edited", "edited"));
    }
    meta.appendChild(Dom.text("span", "msg-time", timeLabel(spec.timeMillis())));
    if (spec.own() && spec.status() != null) {
      HTMLElement status = Dom.text("span", "msg-status", statusGlyph(spec.status()));
      status.setAttribute("data-s", statusName(spec.status()));
      status.setAttribute("aria-label", statusName(spec.status()));
      status.title = statusName(spec.status());
      meta.appendChild(status);
      if (spec.status() == MessageStatus.FAILED) {
        HTMLButtonElement retry = Dom.button("msg-retry", "Retry", "Retry");
        retry.setAttribute("data-action", "retry");
        meta.appendChild(retry);
      }
    }
    bubble.appendChild(meta);
    return bubble;
  }

  private static HTMLElement attachment(RowSpec spec) {
    String name = RowPlanner.clip(spec.attachment().name(), 80);
    String label = switch (spec.kind()) {
      case IMAGE -> "🖼 " + name;
      case VIDEO -> "🎬 " + name;
      case VOICE -> "🎤 Voice message";
      default -> "📎 " + name;
    };
    if (!RichTextDom.isWebUrl(spec.attachment().url())) {
      return Dom.text("span", "msg-attachment", label);
    }
    HTMLAnchorElement a = Js.uncheckedCast(Dom.el("a", "msg-attachment"));
    a.href = spec.attachment().url();
    a.target = "_blank";
    a.rel = "noopener noreferrer";
    a.textContent = label;
    return a;
  }

  private static HTMLElement reactions(RowSpec spec) {
    HTMLElement box = Dom.el("div", "msg-reactions");
    box.setAttribute("role", "group");
    box.setAttribute("aria-label", "Reactions");
    for (RowSpec.ReactionChip chip : spec.reactions()) {
      HTMLButtonElement b = Dom.button("msg-chip" + (chip.mine() ? " msg-mine" : ""),
          chip.emoji() + " " + chip.count(), null);
      b.setAttribute("data-emoji", chip.emoji());
      b.setAttribute("data-action", "chip");
      b.setAttribute("aria-pressed", chip.mine() ? "true" : "false");
      b.setAttribute("aria-label", chip.emoji() + " " + chip.count() + (chip.mine() ? ", yours" : ""));
      b.tabIndex = -1;
      b.disabled = !spec.canReact();
      box.appendChild(b);
    }
    return box;
  }

  /** Icons are text-font symbols (present in DejaVu and system fonts), not emoji, so they render everywhere. */
  private static HTMLElement actions(RowSpec spec) {
    HTMLElement bar = Dom.el("div", "msg-actions");
    bar.setAttribute("role", "toolbar");
    bar.setAttribute("aria-label", "Message actions");
    if (!spec.deleted()) {
      bar.appendChild(action("reply", "↩", "Reply"));
    }
    if (spec.canReact()) {
      HTMLButtonElement react = action("react", "☺", "React");
      react.setAttribute("aria-haspopup", "true");
      bar.appendChild(react);
    }
    if (spec.canEdit()) {
      bar.appendChild(action("edit", "✎", "Edit"));
    }
    if (!spec.deleted()) {
      bar.appendChild(action("copy", "❐", "Copy"));
    }
    bar.appendChild(action("delete-me", "✕", "Delete for me"));
    if (spec.canDeleteForEveryone()) {
      bar.appendChild(action("delete-all", "⊘", "Delete for everyone"));
    }
    return bar;
  }

  private static HTMLButtonElement action(String action, String glyph, String label) {
    HTMLButtonElement b = Dom.button("msg-action", glyph, label);
    b.setAttribute("data-action", action);
    b.tabIndex = -1;
    return b;
  }

  private static HTMLElement popover(List<String> fullEmojis) {
    HTMLElement pop = Dom.el("div", "msg-popover");
    pop.setAttribute("role", "menu");
    pop.setAttribute("aria-label", "Choose a reaction");
    List<String> emojis = fullEmojis == null ? QUICK_EMOJIS : fullEmojis;
    for (String emoji : emojis) {
      HTMLButtonElement b = Dom.button("", emoji, "React with " + emoji);
      b.setAttribute("role", "menuitem");
      b.setAttribute("data-action", "pick");
      b.setAttribute("data-pick", emoji);
      b.tabIndex = -1;
      pop.appendChild(b);
    }
    if (fullEmojis == null) {
      HTMLButtonElement more = Dom.button("msg-more", "More…", "More emojis");
      more.setAttribute("role", "menuitem");
      more.setAttribute("data-action", "more");
      more.tabIndex = -1;
      pop.appendChild(more);
    }
    return pop;
  }

  static String statusName(MessageStatus status) {
    return switch (status) {
      case SENDING -> "sending";
      case SENT -> "sent";
      case DELIVERED -> "delivered";
      case READ -> "read";
      case FAILED -> "failed";
    };
  }

  private static String statusGlyph(MessageStatus status) {
    return switch (status) {
      case SENDING -> "◷";
      case SENT -> "✓";
      case DELIVERED, READ -> "✓✓";
      case FAILED -> "⚠";
    };
  }

  private static String label(RowSpec spec, List<RichToken> tokens) {
    String body = spec.deleted() ? "This message was deleted"
        : tokens.isEmpty() ? (spec.message() != null ? RowPlanner.describe(spec.message()) : "Message")
        : RowPlanner.clip(RichText.plainText(tokens), 300);
    StringBuilder b = new StringBuilder();
    b.append(spec.own() ? "You" : spec.senderName()).append(", ").append(timeLabel(spec.timeMillis()))
        .append(": ").append(body);
    if (spec.edited()) {
      b.append(" (edited)");
    }
    if (spec.status() != null) {
      b.append(", ").append(statusName(spec.status()));
    }
    if (!spec.reactions().isEmpty()) {
      b.append(", ").append(spec.reactions().size()).append(" reactions");
    }
    return b.toString();
  }

  static String timeLabel(long millis) {
    JsDate d = new JsDate((double) millis);
    return two(d.getHours()) + ":" + two(d.getMinutes());
  }

  static String dayLabel(long millis) {
    JsDate d = new JsDate((double) millis);
    int day = dayKey(millis);
    JsDate now = new JsDate();
    int today = dayKey((long) now.getTime());
    if (day == today) {
      return "Today";
    }
    if (day == dayKey((long) now.getTime() - 86_400_000L)) {
      return "Yesterday";
    }
    return d.toLocaleDateString();
  }

  /** The local calendar day of a time, as yyyymmdd. */
  static int dayKey(long millis) {
    JsDate d = new JsDate((double) millis);
    return d.getFullYear() * 10000 + (d.getMonth() + 1) * 100 + d.getDate();
  }

  private static String two(double v) {
    int i = (int) v;
    return i < 10 ? "0" + i : String.valueOf(i);
  }
}
