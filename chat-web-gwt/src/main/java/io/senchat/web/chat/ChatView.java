package io.senchat.web.chat;

import elemental2.core.JsDate;
import elemental2.dom.HTMLButtonElement;
import elemental2.dom.HTMLElement;
import elemental2.dom.HTMLTextAreaElement;
import elemental2.dom.KeyboardEvent;
import io.senchat.domain.conversation.ConversationId;
import io.senchat.web.state.AppState;
import io.senchat.web.state.ConvEntry;
import io.senchat.web.ui.Dom;
import jsinterop.base.Js;

/**
 * The chat area: header (title, status, info toggle), the message list (supplied by the caller) and the composer.
 * Enter sends, Shift+Enter breaks the line; the composer's value is the conversation's draft.
 */
public final class ChatView {

  /** What the user asked for. */
  public interface Handlers {
    void send(String text);

    /** A keystroke changed the draft. */
    void draftChanged(String text);

    /** The composer lost focus. */
    void composerBlurred();

    void toggleInfo();

    void cancelReply();

    void openEmoji(HTMLElement anchor);

    /** The draft to show when {@code id} opens. */
    String draftOf(ConversationId id);

    /** The user scrolled or clicked in the chat: a chance to mark messages read. */
    default void activity() {}

    /** Back to the conversation list (narrow screens show one column at a time). */
    default void back() {}
  }

  private final HTMLElement root = Dom.el("main", "chat");
  private final HTMLElement header = Dom.el("header", "chat-header");
  private final HTMLElement title = Dom.el("h2", "chat-title");
  private final HTMLElement status = Dom.el("div", "chat-status");
  private final HTMLButtonElement infoToggle = Dom.button("info-toggle", "icon-button info-icon", "i");
  private final HTMLElement listHost = Dom.el("div", "list-host");
  private final HTMLElement replyBar = Dom.el("div", "reply-bar");
  private final HTMLElement replyText = Dom.el("span", "reply-text");
  private final HTMLTextAreaElement composer = Dom.textarea("composer", "Type a message");
  private final HTMLButtonElement send = Dom.button("send", "primary send", "Send");
  private final HTMLButtonElement emoji = Dom.button("emoji-toggle", "icon-button", "☺");
  private final HTMLElement placeholder = Dom.el("div", "chat-empty");
  private final HTMLElement conversationPane = Dom.el("div", "chat-pane");
  private final Handlers handlers;
  private ConversationId shown;

  public ChatView(Handlers handlers, HTMLElement messageList) {
    this.handlers = handlers;
    root.setAttribute("aria-label", "Chat");
    title.id = "chat-title";
    status.id = "chat-status";
    status.setAttribute("aria-live", "off");
    infoToggle.setAttribute("aria-label", "Conversation info");
    infoToggle.setAttribute("aria-controls", "info-panel");
    infoToggle.setAttribute("aria-expanded", "false");
    infoToggle.title = "Conversation info";
    HTMLElement titles = Dom.el("div", "chat-titles");
    titles.append(title, status);
    HTMLButtonElement back = Dom.button("chat-back", "icon-button back", "←");
    back.setAttribute("aria-label", "Back to conversations");
    back.onclick = e -> {
      handlers.back();
      return null;
    };
    header.append(back, titles, infoToggle);
    listHost.append(messageList);

    HTMLButtonElement cancelReply = Dom.button(null, "link-button", "✕");
    cancelReply.setAttribute("aria-label", "Cancel reply");
    replyBar.append(replyText, cancelReply);
    replyBar.hidden = true;
    emoji.setAttribute("aria-label", "Insert emoji");
    emoji.setAttribute("aria-haspopup", "dialog");
    composer.rows = 1;
    composer.maxLength = 4000;
    HTMLElement composerRow = Dom.el("div", "composer");
    composerRow.append(emoji, composer, send);
    HTMLElement footer = Dom.el("footer", "chat-footer");
    footer.append(replyBar, composerRow);
    conversationPane.append(header, listHost, footer);

    placeholder.append(Dom.text("div", "logo", "SenChat"),
        Dom.text("p", null, "Pick a conversation, or start a new one with +."));
    root.append(placeholder, conversationPane);
    conversationPane.hidden = true;

    send.onclick = e -> {
      submit();
      return null;
    };
    infoToggle.onclick = e -> {
      handlers.toggleInfo();
      return null;
    };
    cancelReply.onclick = e -> {
      handlers.cancelReply();
      composer.focus();
      return null;
    };
    emoji.onclick = e -> {
      handlers.openEmoji(emoji);
      return null;
    };
    composer.addEventListener("keydown", e -> {
      KeyboardEvent k = Js.uncheckedCast(e);
      // isComposing: Enter confirms an IME candidate (Vietnamese Telex, CJK) and must not send.
      if ("Enter".equals(k.key) && !k.shiftKey && !Js.isTruthy(Js.asPropertyMap(k).get("isComposing"))) {
        e.preventDefault();
        submit();
      } else if ("Escape".equals(k.key) && !replyBar.hidden) {
        handlers.cancelReply();
      }
    });
    composer.oninput = e -> {
      handlers.draftChanged(composer.value);
      autosize();
      return null;
    };
    composer.onblur = e -> {
      handlers.composerBlurred();
      return null;
    };
    listHost.addEventListener("click", e -> handlers.activity());
    listHost.addEventListener("scroll", e -> handlers.activity(), true);
  }

  public HTMLElement element() {
    return root;
  }

  private void submit() {
    String text = composer.value;
    if (text.trim().isEmpty()) {
      return;
    }
    handlers.send(text);
  }

  /** Empties the composer after a send. */
  public void clearComposer() {
    composer.value = "";
    autosize();
    composer.focus();
  }

  /** Replaces the draft shown, e.g. when another tab changed it. */
  public void setDraft(String text) {
    composer.value = text;
    autosize();
  }

  public boolean composerFocused() {
    return elemental2.dom.DomGlobal.document.activeElement == composer;
  }

  /** Inserts text at the caret (the emoji picker). */
  public void insert(String text) {
    int start = (int) composer.selectionStart;
    int end = (int) composer.selectionEnd;
    String v = composer.value;
    composer.value = v.substring(0, start) + text + v.substring(end);
    composer.selectionStart = start + text.length();
    composer.selectionEnd = start + text.length();
    composer.focus();
    handlers.draftChanged(composer.value);
  }

  /** Shows (non-null) or hides the "replying to" bar. */
  public void showReply(String quote) {
    replyBar.hidden = quote == null;
    replyText.textContent = quote == null ? "" : "Replying to " + quote;
    if (quote != null) {
      composer.focus();
    }
  }

  private void autosize() {
    composer.style.setProperty("height", "auto");
    // scrollHeight excludes the borders, which border-box sizing counts in the height.
    composer.style.setProperty("height", Math.min(160, composer.scrollHeight + 2) + "px");
  }

  public void render(AppState state) {
    ConvEntry e = state.open();
    conversationPane.hidden = e == null;
    placeholder.hidden = e != null;
    infoToggle.setAttribute("aria-expanded", state.infoOpen() ? "true" : "false");
    if (e == null) {
      shown = null;
      return;
    }
    Dom.setText(title, e.title());
    String line = ChatStatus.of(state, e, (long) JsDate.now());
    Dom.setText(status, line);
    status.classList.toggle("typing", line.contains("typing"));
    status.classList.toggle("online", "online".equals(line));
    ConversationId id = e.conversation().id();
    if (!id.equals(shown)) {
      shown = id;
      composer.value = handlers.draftOf(id);
      autosize();
      replyBar.hidden = true;
      composer.focus();
    }
  }
}
