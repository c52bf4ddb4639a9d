package io.senchat.web.messages;

import com.google.gwt.core.client.GWT;
import com.google.gwt.core.client.RunAsyncCallback;
import elemental2.dom.DomGlobal;
import elemental2.dom.Element;
import elemental2.dom.Event;
import elemental2.dom.EventListener;
import elemental2.dom.HTMLElement;
import elemental2.dom.HTMLTextAreaElement;
import elemental2.dom.KeyboardEvent;
import elemental2.dom.Node;
import elemental2.dom.ResizeObserver;
import io.senchat.domain.message.Message;
import io.senchat.domain.text.RichText;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import jsinterop.base.Js;

/**
 * The virtualised message list of one conversation (issue 5): the element with id {@code message-list}, which
 * the shell places in the chat area and feeds with {@link #render} on every store change.
 *
 * <p>Only the rows in view plus an overscan are in the DOM (at most {@link #MAX_ROWS}); row elements are
 * recycled. Heights are measured after rendering, cached per row key and estimated for rows never shown, and
 * every change (new heights, prepended pages, edits) is applied so that the row at the top of the viewport stays
 * put, or the bottom stays at the bottom when the user was there.
 */
public final class MessageListView {

  /** Hard bound on message rows in the DOM, whatever the row heights. */
  static final int MAX_ROWS = 120;
  private static final int OVERSCAN_PX = 600;
  private static final int POOL_MAX = 40;
  /** Within this many pixels of the bottom counts as "at the bottom", for sticking to new messages. */
  private static final double BOTTOM_SLACK = 8;
  /** Closer than this to the top asks for the previous page, so it usually arrives before the user gets there. */
  private static final double LOAD_OLDER_PX = 800;
  /** Used when the element has no layout yet (detached or hidden), so a first render still shows rows. */
  private static final double FALLBACK_VIEWPORT = 800;
  private static final int LAYOUT_PASSES = 6;
  private static final int PAGE_ROWS = 10;

  /** Where a layout should put the scroll position. */
  private sealed interface Target permits Bottom, At {
  }

  private record Bottom() implements Target {
  }

  private record At(Window.Anchor anchor) implements Target {
  }

  private static final Target BOTTOM = new Bottom();

  /** What a rendered row was last filled with, so unchanged rows are not rebuilt. */
  private record Filled(RowSpec spec, String ui) {
  }

  private final HTMLElement root;
  private final HTMLElement loading;
  private final HTMLElement canvas;
  private final HTMLElement rowsBox;
  private final HTMLElement latest;
  private final MessageListCallbacks callbacks;
  private final RowHeights heights = new RowHeights();
  private final Map<String, HTMLElement> rendered = new HashMap<>();
  private final Map<String, Filled> filled = new HashMap<>();
  private final ArrayDeque<HTMLElement> pool = new ArrayDeque<>();
  private final EventListener outsideClick = this::onOutsideMouseDown;
  private final LocalDays days = new LocalDays();

  private MessageListModel model;
  private List<RowSpec> rows = List.of();
  private Window.Range range = Window.Range.EMPTY;
  private Target pendingTarget;
  private double virtualTop;
  private double lastWidth = -1;
  private String activeKey;
  private String editingKey;
  private String draft = "";
  private String popoverKey;
  private List<String> fullEmojis;
  private long handledJump;
  private boolean olderRequested;
  private boolean rendering;
  private boolean scrollIgnored;
  /** A touch landed on a toolbar its row was not showing yet: that tap reveals it rather than acting. */
  private boolean unarmedTouch;
  /** Whether the last layout ended at the bottom: a resize must not be what decides it. */
  private boolean followingBottom = true;
  private MessageListModel queued;

  /** A list reporting the user's intents to {@code callbacks}. */
  public MessageListView(MessageListCallbacks callbacks) {
    this.callbacks = callbacks;
    Styles.inject();
    root = Dom.el("div", "msg-list");
    root.id = "message-list";
    root.setAttribute("role", "log");
    root.setAttribute("aria-label", "Messages");
    root.setAttribute("aria-live", "polite");
    root.setAttribute("data-rendered", "0");
    loading = Dom.el("div", "msg-loading");
    loading.appendChild(Dom.text("span", null, "Loading older messages…"));
    loading.hidden = true;
    canvas = Dom.el("div", "msg-canvas");
    canvas.style.setProperty("position", "relative");
    rowsBox = Dom.el("div", "msg-rows");
    rowsBox.setAttribute("role", "list");
    rowsBox.style.setProperty("position", "absolute");
    rowsBox.style.setProperty("left", "0");
    rowsBox.style.setProperty("right", "0");
    rowsBox.style.setProperty("top", "0");
    canvas.appendChild(rowsBox);
    latest = Dom.el("div", "msg-latest");
    latest.hidden = true;
    HTMLElement toLatest = Dom.button("msg-to-latest", "↓", "Jump to latest");
    toLatest.setAttribute("data-action", "latest");
    latest.appendChild(toLatest);
    root.appendChild(loading);
    root.appendChild(canvas);
    root.appendChild(latest);
    // Listeners sit on the view's own elements (delegation), so they live and die with the element.
    root.addEventListener("scroll", e -> onScroll());
    root.addEventListener("pointerdown", this::onPointerDown);
    root.addEventListener("click", this::onClick);
    root.addEventListener("keydown", this::onKeyDown);
    root.addEventListener("input", this::onInput);
    root.addEventListener("focusin", this::onFocusIn);
    if (Js.asPropertyMap(DomGlobal.window).has("ResizeObserver")) {
      new ResizeObserver((entries, observer) -> {
        onResize();
        return null;
      }).observe(root);
    } else {
      DomGlobal.window.addEventListener("resize", e -> onResize());
    }
  }

  /** The list's root element (a scroll container: give it a height, e.g. flex: 1 in a column). */
  public HTMLElement element() {
    return root;
  }

  /** Shows {@code model}, keeping the scroll position anchored (or at the bottom when it was there). */
  public void render(MessageListModel next) {
    if (next == null) {
      return;
    }
    // A callback may make the store render again while we are rendering; apply that model right after.
    if (rendering) {
      queued = next;
      return;
    }
    rendering = true;
    try {
      MessageListModel m = next;
      while (m != null) {
        queued = null;
        apply(m);
        m = queued;
      }
    } finally {
      rendering = false;
    }
    DomGlobal.setTimeout(ignored -> maybeLoadOlder(), 0);
  }

  private void apply(MessageListModel next) {
    boolean switched = model == null || !model.conversationId().equals(next.conversationId());
    Target target = null;
    String oldFirst = rows.isEmpty() ? null : rows.get(0).key();
    String oldLast = rows.isEmpty() ? null : rows.get(rows.size() - 1).key();
    if (switched) {
      reset();
    } else {
      // Captured against the old rows and heights; resolved against the new ones by key.
      target = isAtBottom() ? BOTTOM : anchorTarget(Window.Anchor.capture(heights, scrollTop()));
      if (model.loadingOlder() && !next.loadingOlder()) {
        olderRequested = false;
      }
    }
    model = next;
    rows = RowPlanner.plan(next, days);
    setRowsIntoHeights();
    if (!rows.isEmpty()) {
      RowSpec last = rows.get(rows.size() - 1);
      if (!rows.get(0).key().equals(oldFirst)) {
        olderRequested = false;
      }
      // The user's own new message always brings the list to the bottom, as in every messenger.
      if (!switched && last.isLocal() && !last.key().equals(oldLast)) {
        target = BOTTOM;
      }
    }
    if (switched) {
      target = landingTarget(next);
    }
    String highlight = null;
    if (next.jumpToSeq() > 0 && next.jumpToSeq() != handledJump) {
      int i = heights.indexOf("s" + next.jumpToSeq());
      if (i >= 0) {
        handledJump = next.jumpToSeq();
        target = centerTarget(i);
        highlight = rows.get(i).key();
      }
    }
    if (editingKey != null && !canStillEdit(editingKey)) {
      editingKey = null;
    }
    if (popoverKey != null && heights.indexOf(popoverKey) < 0) {
      closePopover(false);
    }
    loading.hidden = !next.loadingOlder();
    // A jump the user started from the list (a reply preview) moves focus with it; one from elsewhere does not.
    Element active = DomGlobal.document.activeElement;
    boolean focusJump = active == null || active == DomGlobal.document.body || root.contains(active);
    layout(target);
    if (highlight != null) {
      highlight(highlight, focusJump);
    }
  }

  private void reset() {
    for (HTMLElement el : rendered.values()) {
      release(el);
    }
    rendered.clear();
    filled.clear();
    heights.clearMeasurements();
    range = Window.Range.EMPTY;
    activeKey = null;
    editingKey = null;
    closePopover(false);
    handledJump = 0;
    olderRequested = false;
    virtualTop = 0;
    pendingTarget = null;
  }

  private Target landingTarget(MessageListModel m) {
    if (m.firstUnreadSeq() > 0) {
      for (int i = 0; i < rows.size(); i++) {
        if (rows.get(i).unreadDivider()) {
          // The divider a little below the top edge, so the last read message peeks above it.
          return new At(new Window.Anchor(rows.get(i).key(), i, -24));
        }
      }
    }
    return BOTTOM;
  }

  private Target centerTarget(int index) {
    double vh = viewport();
    double delta = -Math.max(0, (vh - heights.height(index)) / 2);
    return new At(new Window.Anchor(rows.get(index).key(), index, delta));
  }

  private static Target anchorTarget(Window.Anchor anchor) {
    return anchor == null ? null : new At(anchor);
  }

  private void setRowsIntoHeights() {
    int width = root.clientWidth > 0 ? root.clientWidth : 600;
    lastWidth = root.clientWidth;
    List<String> keys = new ArrayList<>(rows.size());
    double[] estimates = new double[rows.size()];
    for (int i = 0; i < rows.size(); i++) {
      keys.add(rows.get(i).key());
      estimates[i] = RowPlanner.estimateHeight(rows.get(i), width);
    }
    heights.setRows(keys, estimates);
  }

  // ---------------------------------------------------------------- layout

  private boolean hasLayout() {
    return root.clientHeight > 0;
  }

  private double viewport() {
    return hasLayout() ? root.clientHeight : FALLBACK_VIEWPORT;
  }

  /** True when the element's own scroll position is meaningful; else {@link #virtualTop} stands in for it. */
  private boolean realScroll() {
    return hasLayout() && !scrollIgnored;
  }

  private double scrollTop() {
    return realScroll() ? root.scrollTop : virtualTop;
  }

  private void setScrollTop(double top) {
    virtualTop = Math.max(0, Math.min(top, Window.bottom(heights, viewport())));
    if (Math.abs(root.scrollTop - virtualTop) >= 1) {
      root.scrollTop = virtualTop;
      // A browser without a layout engine (HtmlUnit) reports a size but never scrolls: keep a virtual position
      // so the newest rows, not the oldest, are the ones rendered there.
      if (!scrollIgnored && virtualTop >= 1 && root.scrollTop < 1 && root.scrollHeight <= root.clientHeight + 1) {
        scrollIgnored = true;
      }
    }
  }

  private boolean isAtBottom() {
    if (rows.isEmpty()) {
      return true;
    }
    if (!realScroll()) {
      return virtualTop >= Window.bottom(heights, viewport()) - BOTTOM_SLACK;
    }
    return root.scrollTop + root.clientHeight >= root.scrollHeight - BOTTOM_SLACK;
  }

  /**
   * Renders the rows for the scroll position {@code target} asks for (or the current one), measures them, and
   * repeats while measured heights differ from the ones used, each time restoring the target so nothing jumps.
   */
  private void layout(Target target) {
    boolean sized = hasLayout();
    if (!sized && target != null) {
      // Remember where to land once the element gets a size; still render something now.
      pendingTarget = target;
    } else if (sized && target == null && pendingTarget != null) {
      target = pendingTarget;
      pendingTarget = null;
    } else if (sized) {
      pendingTarget = null;
    }
    if (target == null && isAtBottom() && !rows.isEmpty()) {
      target = BOTTOM;
    }
    Window.Anchor anchor = target instanceof At at ? at.anchor() : null;
    boolean bottom = target instanceof Bottom;
    double vh = viewport();
    for (int pass = 0; pass < LAYOUT_PASSES; pass++) {
      Dom.px(canvas, "height", heights.total());
      if (bottom) {
        setScrollTop(Window.bottom(heights, vh));
      } else if (anchor != null) {
        setScrollTop(anchor.resolve(heights));
      }
      double top = scrollTop();
      range = Window.visible(heights, top, vh, OVERSCAN_PX, MAX_ROWS);
      syncRows();
      Dom.px(rowsBox, "top", range.count() == 0 ? 0 : heights.offset(range.first()));
      if (!bottom && anchor == null) {
        anchor = Window.Anchor.capture(heights, top);
      }
      if (!sized || !measure()) {
        break;
      }
    }
    root.setAttribute("data-rendered", String.valueOf(rendered.size()));
    boolean atBottom = isAtBottom();
    followingBottom = atBottom;
    latest.hidden = atBottom;
    // Rows recycled while reading history are not news: only announce arrivals while following the bottom.
    root.setAttribute("aria-live", atBottom ? "polite" : "off");
  }

  /** Reads the rendered rows' heights; true when any differs from what the layout assumed. */
  private boolean measure() {
    boolean changed = false;
    for (int i = range.first(); i < range.end(); i++) {
      HTMLElement el = rendered.get(rows.get(i).key());
      double h = el == null ? 0 : el.getBoundingClientRect().height;
      if (h > 0) {
        changed |= heights.measure(i, h);
      }
    }
    return changed;
  }

  /** Makes the DOM hold exactly the rows of {@link #range}, in order, reusing elements by key, then from a pool. */
  private void syncRows() {
    Map<String, Integer> wanted = new HashMap<>();
    for (int i = range.first(); i < range.end(); i++) {
      wanted.put(rows.get(i).key(), i);
    }
    Iterator<Map.Entry<String, HTMLElement>> it = rendered.entrySet().iterator();
    while (it.hasNext()) {
      Map.Entry<String, HTMLElement> e = it.next();
      if (!wanted.containsKey(e.getKey())) {
        release(e.getValue());
        filled.remove(e.getKey());
        it.remove();
      }
    }
    String tabStop = activeKey != null && wanted.containsKey(activeKey) ? activeKey
        : range.count() == 0 ? null : rows.get(Math.max(range.first(), heights.indexAt(scrollTop() + 1))).key();
    int setSize = model.hasOlder() ? -1 : rows.size();
    Node cursor = rowsBox.firstChild;
    for (int i = range.first(); i < range.end(); i++) {
      RowSpec spec = rows.get(i);
      HTMLElement el = rendered.get(spec.key());
      if (el == null) {
        el = pool.isEmpty() ? Dom.el("div", "msg-row") : pool.pop();
        rendered.put(spec.key(), el);
      }
      String ui = uiSignature(spec.key());
      Filled before = filled.get(spec.key());
      if (before == null || !before.spec().equals(spec) || !before.ui().equals(ui)) {
        boolean hadFocus = el.contains(Js.<Node>uncheckedCast(DomGlobal.document.activeElement));
        RowRenderer.fill(el, spec, i, setSize, uiState());
        filled.put(spec.key(), new Filled(spec, ui));
        if (hadFocus) {
          refocus(el, spec.key());
        }
      } else {
        el.setAttribute("aria-posinset", i + 1);
        el.setAttribute("aria-setsize", setSize);
        el.setAttribute("data-index", i);
      }
      el.tabIndex = spec.key().equals(tabStop) ? 0 : -1;
      if (el == cursor) {
        cursor = cursor.nextSibling;
      } else {
        rowsBox.insertBefore(el, cursor);
      }
    }
  }

  private void release(HTMLElement el) {
    if (el.parentNode != null) {
      el.parentNode.removeChild(el);
    }
    if (pool.size() < POOL_MAX) {
      pool.push(el);
    }
  }

  private String uiSignature(String key) {
    return (key.equals(editingKey) ? "e" : "") + (key.equals(popoverKey) ? (fullEmojis == null ? "p" : "P") : "");
  }

  private RowRenderer.UiState uiState() {
    return new RowRenderer.UiState(editingKey, draft, popoverKey, fullEmojis);
  }

  private void refocus(HTMLElement row, String key) {
    if (key.equals(editingKey)) {
      Element editor = row.querySelector(".msg-editor");
      if (editor != null) {
        Js.<HTMLElement>uncheckedCast(editor).focus();
        return;
      }
    }
    row.focus();
  }

  // ---------------------------------------------------------------- events

  private void onScroll() {
    if (rendering || model == null) {
      return;
    }
    if (realScroll()) {
      virtualTop = root.scrollTop;
    }
    layout(null);
    maybeLoadOlder();
  }

  private void onResize() {
    if (model == null || rendering) {
      return;
    }
    Target target = followingBottom ? BOTTOM : null;
    if (root.clientWidth != lastWidth) {
      // Text reflows at another width: re-estimate, keeping the row at the top where it is.
      Window.Anchor anchor = Window.Anchor.capture(heights, scrollTop());
      setRowsIntoHeights();
      if (target == null) {
        target = anchorTarget(anchor);
      }
    }
    layout(target);
  }

  private void maybeLoadOlder() {
    if (model == null || !model.hasOlder() || model.loadingOlder() || olderRequested || rows.isEmpty()
        || pendingTarget != null) {
      return;
    }
    if (scrollTop() < LOAD_OLDER_PX) {
      olderRequested = true;
      callbacks.loadOlder();
    }
  }

  private void onFocusIn(Event e) {
    Element target = Js.uncheckedCast(e.target);
    if (target.classList.contains("msg-row")) {
      String key = target.getAttribute("data-key");
      if (key != null && !key.equals(activeKey)) {
        HTMLElement previous = activeKey == null ? null : rendered.get(activeKey);
        if (previous != null) {
          previous.tabIndex = -1;
        }
        activeKey = key;
        Js.<HTMLElement>uncheckedCast(target).tabIndex = 0;
      }
    }
  }

  private void onInput(Event e) {
    Element target = Js.uncheckedCast(e.target);
    if (target.classList.contains("msg-editor")) {
      draft = Js.<HTMLTextAreaElement>uncheckedCast(target).value;
    }
  }

  private void onPointerDown(Event e) {
    Element target = Js.uncheckedCast(e.target);
    Element row = target.closest(".msg-row");
    unarmedTouch = "touch".equals(Js.asPropertyMap(e).get("pointerType")) && target.closest(".msg-actions") != null
        && row != null && !row.contains(DomGlobal.document.activeElement);
  }

  private void onClick(Event e) {
    Element target = Js.uncheckedCast(e.target);
    Element actionEl = target.closest("[data-action]");
    if (actionEl != null && "latest".equals(actionEl.getAttribute("data-action"))) {
      layout(BOTTOM);
      moveFocus(rows.size() - 1);
      return;
    }
    Element row = target.closest(".msg-row");
    if (actionEl == null || row == null || !root.contains(row)) {
      return;
    }
    RowSpec spec = specOf(row);
    if (spec == null) {
      return;
    }
    e.preventDefault();
    if (unarmedTouch) {
      unarmedTouch = false;
      Js.<HTMLElement>uncheckedCast(row).focus();
      return;
    }
    act(actionEl.getAttribute("data-action"), actionEl, spec);
  }

  private RowSpec specOf(Element row) {
    Filled f = filled.get(row.getAttribute("data-key"));
    return f == null ? null : f.spec();
  }

  private void act(String action, Element source, RowSpec spec) {
    Message m = spec.message();
    switch (action) {
      case "retry" -> callbacks.retry(spec.localId());
      case "jump" -> jumpTo(spec.reply().seq());
      case "reply" -> callbacks.reply(m);
      case "react" -> togglePopover(spec.key());
      case "pick" -> {
        String emoji = source.getAttribute("data-pick");
        closePopover(true);
        callbacks.react(m, emoji);
      }
      case "chip" -> callbacks.react(m, source.getAttribute("data-emoji"));
      case "more" -> loadFullPicker();
      case "edit" -> startEdit(spec);
      case "copy" -> copy(m);
      case "delete-me" -> callbacks.deleteForMe(m);
      case "delete-all" -> callbacks.deleteForEveryone(m);
      default -> {
        return;
      }
    }
  }

  /** Scrolls to {@code seq} and highlights it when loaded; otherwise asks the shell to load around it. */
  private void jumpTo(long seq) {
    int i = heights.indexOf("s" + seq);
    if (i < 0) {
      callbacks.jumpTo(seq);
      return;
    }
    layout(centerTarget(i));
    highlight(rows.get(i).key(), true);
  }

  private void highlight(String key, boolean focus) {
    HTMLElement el = rendered.get(key);
    if (el == null) {
      return;
    }
    el.classList.remove("msg-highlight");
    el.classList.add("msg-highlight");
    if (focus) {
      el.focus();
    }
    DomGlobal.setTimeout(ignored -> {
      HTMLElement now = rendered.get(key);
      if (now != null) {
        now.classList.remove("msg-highlight");
      }
    }, 1600);
  }

  private void copy(Message m) {
    String text = m.text().isEmpty() ? RowPlanner.describe(m) : RichText.plainText(RichText.parse(m.text()));
    if (DomGlobal.navigator.clipboard != null) {
      // Refused without focus or permission: nothing to do, the host may still offer its own copy feedback.
      DomGlobal.navigator.clipboard.writeText(text).catch_(error -> null);
    }
    callbacks.copy(m);
  }

  // ---------------------------------------------------------------- edit and reactions

  private boolean canStillEdit(String key) {
    int i = heights.indexOf(key);
    return i >= 0 && rows.get(i).canEdit();
  }

  private void startEdit(RowSpec spec) {
    closePopover(false);
    editingKey = spec.key();
    draft = spec.text();
    refill(spec.key());
    HTMLElement row = rendered.get(spec.key());
    if (row != null) {
      Element editor = row.querySelector(".msg-editor");
      if (editor != null) {
        HTMLTextAreaElement area = Js.uncheckedCast(editor);
        area.focus();
        area.selectionStart = area.value.length();
        area.selectionEnd = area.value.length();
      }
    }
  }

  private void finishEdit(boolean save) {
    String key = editingKey;
    if (key == null) {
      return;
    }
    editingKey = null;
    int i = heights.indexOf(key);
    RowSpec spec = i < 0 ? null : rows.get(i);
    String text = draft.trim();
    refill(key);
    HTMLElement row = rendered.get(key);
    if (row != null) {
      row.focus();
    }
    if (save && spec != null && spec.message() != null && !text.isEmpty() && !text.equals(spec.text())) {
      callbacks.edit(spec.message(), text);
    }
  }

  private void togglePopover(String key) {
    if (key.equals(popoverKey)) {
      closePopover(true);
      return;
    }
    closePopover(false);
    popoverKey = key;
    DomGlobal.document.addEventListener("mousedown", outsideClick);
    refill(key);
    focusPopover(0);
  }

  private void closePopover(boolean returnFocus) {
    String key = popoverKey;
    if (key == null) {
      return;
    }
    popoverKey = null;
    DomGlobal.document.removeEventListener("mousedown", outsideClick);
    if (model != null && rendered.containsKey(key)) {
      refill(key);
      if (returnFocus) {
        Element react = rendered.get(key).querySelector("[data-action=react]");
        Js.<HTMLElement>uncheckedCast(react != null ? react : rendered.get(key)).focus();
      }
    }
  }

  private void onOutsideMouseDown(Event e) {
    HTMLElement row = popoverKey == null ? null : rendered.get(popoverKey);
    Node target = Js.uncheckedCast(e.target);
    Element popover = row == null ? null : row.querySelector(".msg-popover");
    Element react = row == null ? null : row.querySelector("[data-action=react]");
    if (popover != null && (popover.contains(target) || (react != null && react.contains(target)))) {
      return;
    }
    closePopover(false);
  }

  private void loadFullPicker() {
    if (fullEmojis != null) {
      return;
    }
    GWT.runAsync(EmojiPicker.class, new RunAsyncCallback() {
      @Override
      public void onFailure(Throwable reason) {
        // The quick reactions still work; the fragment is tried again on the next click.
      }

      @Override
      public void onSuccess() {
        fullEmojis = EmojiPicker.emojis();
        if (popoverKey != null) {
          refill(popoverKey);
          focusPopover(RowRenderer.QUICK_EMOJIS.size());
        }
      }
    });
  }

  private void focusPopover(int index) {
    HTMLElement row = popoverKey == null ? null : rendered.get(popoverKey);
    if (row == null) {
      return;
    }
    elemental2.dom.NodeList<Element> items = row.querySelectorAll(".msg-popover button");
    if (items.length > 0) {
      Js.<HTMLElement>uncheckedCast(items.item(Math.max(0, Math.min(index, items.length - 1)))).focus();
    }
  }

  /** Rebuilds one rendered row now (for UI state changes) and re-lays out, since its height may change. */
  private void refill(String key) {
    filled.remove(key);
    if (model != null) {
      layout(null);
    }
  }

  // ---------------------------------------------------------------- keyboard

  private void onKeyDown(Event event) {
    KeyboardEvent e = Js.uncheckedCast(event);
    Element target = Js.uncheckedCast(e.target);
    String key = e.key == null ? "" : e.key;
    if (target.classList.contains("msg-editor")) {
      if ("Enter".equals(key) && !e.shiftKey) {
        e.preventDefault();
        finishEdit(true);
      } else if ("Escape".equals(key)) {
        e.preventDefault();
        finishEdit(false);
      }
      return;
    }
    Element popover = target.closest(".msg-popover");
    if (popover != null) {
      onPopoverKey(e, key, target, popover);
      return;
    }
    Element toolbar = target.closest(".msg-actions");
    if (toolbar != null) {
      onToolbarKey(e, key, target, toolbar);
      return;
    }
    if (target.classList.contains("msg-row")) {
      onRowKey(e, key, Js.uncheckedCast(target));
    }
  }

  private void onRowKey(KeyboardEvent e, String key, HTMLElement row) {
    int index = heights.indexOf(row.getAttribute("data-key"));
    if (index < 0) {
      return;
    }
    switch (key) {
      case "ArrowUp" -> moveFocus(index - 1);
      case "ArrowDown" -> moveFocus(index + 1);
      case "PageUp" -> moveFocus(index - PAGE_ROWS);
      case "PageDown" -> moveFocus(index + PAGE_ROWS);
      case "Home" -> moveFocus(0);
      case "End" -> moveFocus(rows.size() - 1);
      case "Enter", "ContextMenu", "F10" -> {
        if ("F10".equals(key) && !e.shiftKey) {
          return;
        }
        Element first = row.querySelector(".msg-actions button, .msg-retry");
        if (first == null) {
          return;
        }
        Js.<HTMLElement>uncheckedCast(first).focus();
      }
      default -> {
        return;
      }
    }
    e.preventDefault();
    if (("ArrowUp".equals(key) || "Home".equals(key)) && index == 0) {
      maybeLoadOlder();
    }
  }

  private void moveFocus(int index) {
    if (rows.isEmpty()) {
      return;
    }
    int i = Math.max(0, Math.min(index, rows.size() - 1));
    String key = rows.get(i).key();
    HTMLElement el = rendered.get(key);
    if (el == null || !isInViewport(i)) {
      double vh = viewport();
      boolean up = el == null ? i < range.first() : heights.offset(i) < scrollTop();
      double delta = up ? 0 : heights.height(i) - vh;
      layout(new At(new Window.Anchor(key, i, delta)));
      el = rendered.get(key);
    }
    if (el != null) {
      activeKey = key;
      el.tabIndex = 0;
      el.focus();
    }
  }

  private boolean isInViewport(int i) {
    double top = scrollTop();
    return heights.offset(i) >= top && heights.offset(i) + heights.height(i) <= top + viewport();
  }

  private void onToolbarKey(KeyboardEvent e, String key, Element target, Element toolbar) {
    elemental2.dom.NodeList<Element> buttons = toolbar.querySelectorAll("button");
    int at = 0;
    for (int i = 0; i < buttons.length; i++) {
      if (buttons.item(i) == target) {
        at = i;
      }
    }
    switch (key) {
      case "ArrowRight", "ArrowDown" -> Js.<HTMLElement>uncheckedCast(buttons.item((at + 1) % buttons.length)).focus();
      case "ArrowLeft", "ArrowUp" ->
          Js.<HTMLElement>uncheckedCast(buttons.item((at + buttons.length - 1) % buttons.length)).focus();
      case "Escape" -> Js.<HTMLElement>uncheckedCast(toolbar.closest(".msg-row")).focus();
      default -> {
        return;
      }
    }
    e.preventDefault();
  }

  private void onPopoverKey(KeyboardEvent e, String key, Element target, Element popover) {
    elemental2.dom.NodeList<Element> buttons = popover.querySelectorAll("button");
    int at = 0;
    for (int i = 0; i < buttons.length; i++) {
      if (buttons.item(i) == target) {
        at = i;
      }
    }
    int step = fullEmojis == null ? 1 : 8;
    switch (key) {
      case "ArrowRight" -> focusPopover(at + 1);
      case "ArrowLeft" -> focusPopover(at - 1);
      case "ArrowDown" -> focusPopover(at + step);
      case "ArrowUp" -> focusPopover(at - step);
      case "Escape", "Tab" -> closePopover(true);
      default -> {
        return;
      }
    }
    e.preventDefault();
    e.stopPropagation();
  }
}
