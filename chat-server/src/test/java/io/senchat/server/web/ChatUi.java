package io.senchat.server.web;

import io.senchat.domain.protocol.json.JsonArray;
import io.senchat.domain.protocol.json.JsonLimits;
import io.senchat.domain.protocol.json.JsonParser;
import io.senchat.domain.protocol.json.JsonString;
import io.senchat.domain.protocol.json.JsonValue;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The web app as a person uses it, in one browser: every selector of the UI contract lives here, so the flows read
 * as steps and a renamed element is fixed in one place. Each step waits for its visible effect.
 */
final class ChatUi {

  static final Duration WAIT = Duration.ofSeconds(20);

  // Auth screen.
  static final String USERNAME = "input#auth-username";
  static final String PASSWORD = "input#auth-password";
  static final String DISPLAY_NAME = "input#auth-display-name";
  static final String LOGIN = "button#auth-login";
  static final String REGISTER = "button#auth-register";
  static final String AUTH_ERROR = "#auth-error";
  // Main screen.
  static final String ME = "#me";
  static final String SEARCH = "input#search";
  static final String CONVERSATIONS = "#conversation-list";
  static final String NEW_CHAT = "button#new-chat";
  static final String NEW_CHAT_DIALOG = "#new-chat-dialog";
  static final String NEW_CHAT_SEARCH = "input#new-chat-search";
  static final String NEW_GROUP_NAME = "input#new-group-name";
  static final String NEW_GROUP_CREATE = "button#new-group-create";
  // Chat area.
  static final String CHAT_TITLE = "#chat-title";
  static final String CHAT_STATUS = "#chat-status";
  static final String MESSAGES = "#message-list";
  static final String COMPOSER = "textarea#composer";
  static final String SEND = "button#send";
  static final String INFO_PANEL = "#info-panel";
  static final String INFO_TOGGLE = "button#info-toggle";
  static final String LIVE_REGION = "#live-region";

  /** Every message row in the DOM: seq, local id, status, text, sender, and markup that text must never become. */
  private static final String ROWS = "Array.from(document.querySelectorAll('#message-list [data-seq], "
      + "#message-list [data-local-id]')).map(r => [r.getAttribute('data-seq') || '', "
      + "r.getAttribute('data-local-id') || '', r.getAttribute('data-status') || '', "
      + "(r.querySelector('.msg-text') || {textContent: ''}).textContent, "
      + "(r.querySelector('.msg-sender') || {textContent: ''}).textContent, "
      + "String(r.querySelectorAll('.msg-text img, .msg-text script, img[src=\"x\"], [onerror]').length)])";

  private final Browser browser;
  private final URI app;
  private final String name;

  ChatUi(Browser browser, URI app, String name) {
    this.browser = browser;
    this.app = app;
    this.name = name;
  }

  Browser browser() {
    return browser;
  }

  /** Opens the app and waits for the auth screen. */
  ChatUi openLogin() {
    browser.open(app);
    browser.await(name + ": the auth screen", WAIT, () -> exists(USERNAME) && exists(REGISTER));
    return this;
  }

  /** Registers through the auth screen and waits for the main screen to show the display name in {@code #me}. */
  ChatUi register(String username, String displayName, String password) {
    browser.type(USERNAME, username);
    browser.type(PASSWORD, password);
    browser.type(DISPLAY_NAME, displayName);
    browser.click(REGISTER);
    return awaitSignedIn(displayName);
  }

  /** Logs in through the auth screen. */
  ChatUi login(String username, String password, String displayName) {
    browser.type(USERNAME, username);
    browser.type(PASSWORD, password);
    browser.click(LOGIN);
    return awaitSignedIn(displayName);
  }

  private ChatUi awaitSignedIn(String displayName) {
    browser.await(name + ": #me showing " + displayName + " (auth error: " + text(AUTH_ERROR).orElse("none") + ")",
        WAIT, () -> text(ME).filter(me -> me.contains(displayName)).isPresent());
    return this;
  }

  /** New chat dialog: finds {@code query}, clicks the result row of that user, waits for the chat to open. */
  ChatUi startDirectChat(String query, String displayName) {
    browser.click(NEW_CHAT);
    browser.await(name + ": " + NEW_CHAT_DIALOG, WAIT, () -> exists(NEW_CHAT_DIALOG + " " + NEW_CHAT_SEARCH));
    browser.type(NEW_CHAT_SEARCH, query);
    String row = awaitUserRow(displayName);
    browser.click(NEW_CHAT_DIALOG + " [data-user-id=\"" + row + "\"]");
    browser.await(name + ": chat with " + displayName + " open", WAIT,
        () -> text(CHAT_TITLE).filter(title -> title.contains(displayName)).isPresent());
    return this;
  }

  /** New chat dialog: names a group, ticks each member found by username, creates it, waits for it to open. */
  ChatUi createGroup(String groupName, List<String> usernames, List<String> displayNames) {
    browser.click(NEW_CHAT);
    browser.await(name + ": " + NEW_CHAT_DIALOG, WAIT, () -> exists(NEW_CHAT_DIALOG + " " + NEW_GROUP_NAME));
    browser.type(NEW_GROUP_NAME, groupName);
    for (int i = 0; i < usernames.size(); i++) {
      clear(NEW_CHAT_SEARCH);
      browser.type(NEW_CHAT_SEARCH, usernames.get(i));
      String row = awaitUserRow(displayNames.get(i));
      browser.click(NEW_CHAT_DIALOG + " [data-user-id=\"" + row + "\"] input.pick");
    }
    browser.click(NEW_GROUP_CREATE);
    browser.await(name + ": group " + groupName + " open", WAIT,
        () -> text(CHAT_TITLE).filter(title -> title.contains(groupName)).isPresent());
    return this;
  }

  private String awaitUserRow(String displayName) {
    return browser.await(name + ": a search result for " + displayName, WAIT, () -> {
      String id = string("(Array.from(document.querySelectorAll('" + NEW_CHAT_DIALOG + " [data-user-id]'))"
          + ".find(r => r.textContent.indexOf(" + quote(displayName) + ") >= 0) || {getAttribute: () => ''})"
          + ".getAttribute('data-user-id')");
      return id.isEmpty() ? null : id;
    });
  }

  /** Waits for a conversation whose title contains {@code title} in the list and opens it. */
  ChatUi openConversation(String title) {
    String id = browser.await(name + ": conversation " + title + " in the list", WAIT, () -> {
      String found = string("(Array.from(document.querySelectorAll('" + CONVERSATIONS + " > [data-conversation-id]'))"
          + ".find(c => (c.querySelector('.conv-title') || {textContent: ''}).textContent.indexOf(" + quote(title)
          + ") >= 0) || {getAttribute: () => ''}).getAttribute('data-conversation-id')");
      return found.isEmpty() ? null : found;
    });
    browser.click(CONVERSATIONS + " > [data-conversation-id=\"" + id + "\"]");
    browser.await(name + ": " + title + " open", WAIT,
        () -> text(CHAT_TITLE).filter(t -> t.contains(title)).isPresent());
    return this;
  }

  /** Types into the composer without sending (a draft, and a typing signal). */
  ChatUi typeDraft(String text) {
    browser.type(COMPOSER, text);
    return this;
  }

  /** Types a message and presses Enter; waits until the composer is empty again. */
  ChatUi send(String text) {
    browser.type(COMPOSER, text);
    browser.pressEnter(COMPOSER);
    browser.await(name + ": composer emptied after sending", WAIT, () -> composer().isEmpty());
    return this;
  }

  /** Types a message and clicks the send button; waits until the composer is empty again. */
  ChatUi sendWithButton(String text) {
    browser.type(COMPOSER, text);
    browser.click(SEND);
    browser.await(name + ": composer emptied after clicking send", WAIT, () -> composer().isEmpty());
    return this;
  }

  /** Opens the info panel and waits until it is shown and mentions each of {@code names}. */
  String openInfoPanel(List<String> names) {
    browser.click(INFO_TOGGLE);
    return browser.await(name + ": " + INFO_PANEL + " shown with " + names, WAIT, () -> {
      String shown = string("(function(p){ return p && !p.hidden && getComputedStyle(p).display !== 'none' "
          + "? p.textContent : ''; })(document.querySelector('" + INFO_PANEL + "'))");
      return names.stream().allMatch(shown::contains) ? shown : null;
    });
  }

  /** Waits for the screen-reader announcement region to mention {@code part}. */
  String awaitAnnounced(String part) {
    return browser.await(name + ": " + LIVE_REGION + " announcing \"" + part + "\"", WAIT,
        () -> text(LIVE_REGION).filter(said -> said.contains(part)).orElse(null));
  }

  /** Waits for a message row whose text is exactly {@code text}. */
  MessageRow awaitMessage(String text) {
    return awaitRow("message \"" + text + "\" shown", m -> m.text().equals(text));
  }

  /** Waits until own message {@code text} has {@code data-status} {@code status}. */
  MessageRow awaitStatus(String text, String status) {
    return awaitRow("\"" + text + "\" data-status=" + status,
        m -> m.text().equals(text) && m.status().equals(status));
  }

  /** Waits until own message {@code text} is acknowledged: it has a seq and is past "sending". */
  MessageRow awaitAcknowledged(String text) {
    return awaitRow("\"" + text + "\" acknowledged", m -> m.text().equals(text) && m.seq().matches("\\d+")
        && List.of("sent", "delivered", "read").contains(m.status()));
  }

  /** Waits until the rows are exactly {@code texts}, each stored (with a seq): no gap, no duplicate, no re-send. */
  void awaitHistory(List<String> texts) {
    awaitRows("history " + texts, rows -> rows.stream().map(MessageRow::text).toList().equals(texts)
        && rows.stream().allMatch(m -> m.seq().matches("\\d+")));
  }

  private MessageRow awaitRow(String what, Predicate<MessageRow> wanted) {
    List<MessageRow> rows = awaitRows(what, now -> now.stream().anyMatch(wanted));
    return rows.stream().filter(wanted).findFirst().orElseThrow();
  }

  /** Waits until the rows in the DOM satisfy {@code wanted}; a timeout reports the rows as they were then. */
  List<MessageRow> awaitRows(String what, Predicate<List<MessageRow>> wanted) {
    try {
      return browser.await(name + ": " + what, WAIT, () -> {
        List<MessageRow> rows = messages();
        return wanted.test(rows) ? rows : null;
      });
    } catch (AssertionError e) {
      throw new AssertionError(e.getMessage() + "; rows now: " + describeRows(), e);
    }
  }

  /** Waits until {@code #chat-status} contains {@code part}. */
  String awaitChatStatus(String part) {
    return browser.await(name + ": #chat-status containing \"" + part + "\"", WAIT,
        () -> text(CHAT_STATUS).filter(s -> s.contains(part)).orElse(null));
  }

  /** Message rows now in the DOM, in document order. */
  List<MessageRow> messages() {
    JsonValue rows = JsonParser.parse(browser.json(ROWS), new JsonLimits(1 << 24, 8, 1_000_000));
    return ((JsonArray) rows).elements().stream().map(row -> {
      List<JsonValue> cells = ((JsonArray) row).elements();
      return new MessageRow(str(cells.get(0)), str(cells.get(1)), str(cells.get(2)), str(cells.get(3)),
          str(cells.get(4)), Integer.parseInt(str(cells.get(5))));
    }).toList();
  }

  String composer() {
    return string("(document.querySelector('" + COMPOSER + "') || {value: ''}).value");
  }

  /** The text content of the first element matching {@code css}, if any. */
  Optional<String> text(String css) {
    String json = browser.json("(document.querySelector(" + quote(css) + ") || {textContent: null}).textContent");
    return json.equals("null") ? Optional.empty() : Optional.of(str(JsonParser.parse(json, JsonLimits.DEFAULT)));
  }

  boolean exists(String css) {
    return browser.json("document.querySelector(" + quote(css) + ") !== null").equals("true");
  }

  int count(String css) {
    return Integer.parseInt(browser.json("document.querySelectorAll(" + quote(css) + ").length"));
  }

  /** Evaluates an expression that yields a string. */
  String string(String expression) {
    return str(JsonParser.parse(browser.json(expression), new JsonLimits(1 << 20, 8, 10_000)));
  }

  private void clear(String css) {
    browser.json("(function(e){ if (e) { e.value = ''; e.dispatchEvent(new Event('input', {bubbles: true})); } "
        + "return 0; })(document.querySelector(" + quote(css) + "))");
  }

  private String describeRows() {
    List<MessageRow> rows = messages();
    return rows.size() <= 6 ? rows.toString() : rows.size() + " rows, last " + rows.subList(rows.size() - 3,
        rows.size());
  }

  /** A JavaScript string literal. */
  static String quote(String text) {
    StringBuilder out = new StringBuilder("'");
    for (char c : text.toCharArray()) {
      switch (c) {
        case '\'', '\\' -> out.append('\\').append(c);
        case '\n' -> out.append("\\n");
        case '<' -> out.append("\\x3c");
        default -> out.append(c);
      }
    }
    return out.append('\'').toString();
  }

  private static String str(JsonValue value) {
    return value instanceof JsonString s ? s.value() : String.valueOf(value);
  }

  @Override
  public String toString() {
    return name + "@" + browser;
  }

  /** One message row as the DOM shows it; {@code elements} counts markup inside it that text must never become. */
  record MessageRow(String seq, String localId, String status, String text, String sender, int elements) {}
}
