package io.senchat.web.emoji;

import elemental2.dom.HTMLButtonElement;
import elemental2.dom.HTMLElement;
import elemental2.dom.KeyboardEvent;
import io.senchat.web.ui.Dom;
import jsinterop.base.Js;

/** A small emoji grid, loaded on first use behind a split point. Arrow keys move, Enter picks, Esc closes. */
public final class EmojiPicker {

  /** What the user picked. */
  public interface Handlers {
    void picked(String emoji);

    void closed();
  }

  private static final String[] EMOJI = {
    "😀", "😂", "🥰", "😍", "😘", "😊", "😉", "😎", "🤔", "😅", "😭", "😡", "😴", "🤗", "🙏", "👍",
    "👎", "👏", "🙌", "💪", "❤️", "💔", "🔥", "🎉", "✨", "⭐", "☕", "🍜", "🍻", "🏖️", "🌸", "🐱"
  };
  private static final int COLUMNS = 8;

  private final HTMLElement root = Dom.el("div", "emoji-picker");
  private final Handlers handlers;

  public EmojiPicker(Handlers handlers) {
    this.handlers = handlers;
    root.id = "emoji-picker";
    root.setAttribute("role", "dialog");
    root.setAttribute("aria-label", "Emoji");
    HTMLElement grid = Dom.el("div", "emoji-grid");
    grid.setAttribute("role", "grid");
    for (int i = 0; i < EMOJI.length; i++) {
      String emoji = EMOJI[i];
      int index = i;
      HTMLButtonElement b = Dom.button(null, "emoji", emoji);
      b.setAttribute("aria-label", "Insert " + emoji);
      b.onclick = e -> {
        handlers.picked(emoji);
        return null;
      };
      b.addEventListener("keydown", e -> {
        KeyboardEvent k = Js.uncheckedCast(e);
        int target = switch (k.key) {
          case "ArrowRight" -> index + 1;
          case "ArrowLeft" -> index - 1;
          case "ArrowDown" -> index + COLUMNS;
          case "ArrowUp" -> index - COLUMNS;
          default -> -1;
        };
        if (target >= 0 && target < EMOJI.length) {
          e.preventDefault();
          Js.<HTMLElement>uncheckedCast(grid.childNodes.item(target)).focus();
        } else if ("Escape".equals(k.key)) {
          e.preventDefault();
          e.stopPropagation();
          handlers.closed();
        }
      });
      grid.append(b);
    }
    root.append(grid);
  }

  public HTMLElement element() {
    return root;
  }

  public void focus() {
    Js.<HTMLElement>uncheckedCast(root.querySelector("button")).focus();
  }
}
