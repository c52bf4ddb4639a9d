package io.senchat.server.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The web app's user flows, run against a real server (embedded PostgreSQL, the bundled app at {@code /}) in real
 * browsers: each subclass supplies one kind of browser. People register through the UI, in browsers of their own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ChatFlowsContract {

  private static final AtomicInteger PEOPLE = new AtomicInteger();

  protected WebAppServer server;
  private final List<Browser> open = new ArrayList<>();

  /** A fresh browser of the kind under test (its own cookies and storage). */
  protected abstract Browser newBrowser();

  /** Records what a screen looks like at a step of a flow; browsers that cannot draw ignore it. */
  protected void snapshot(ChatUi ui, String name) {}

  /** The server under test; by default with every transport. */
  protected WebAppServer newServer() {
    return WebAppServer.start();
  }

  @BeforeAll
  void startServer() {
    server = newServer();
  }

  @AfterAll
  void stopServer() {
    if (server != null) {
      server.close();
    }
  }

  @AfterEach
  void closeBrowsers() {
    open.forEach(Browser::close);
    open.clear();
  }

  /** A person: a new browser, the app opened, registered through the auth screen. */
  protected Person person(String displayName) {
    Browser browser = newBrowser();
    open.add(browser);
    String username = displayName.toLowerCase().replaceAll("[^a-z]", "") + PEOPLE.incrementAndGet() + "_"
        + UUID.randomUUID().toString().substring(0, 6);
    ChatUi ui = new ChatUi(browser, server.url(), displayName).openLogin();
    snapshot(ui, "01-auth");
    ui.register(username, displayName, "secret-" + username);
    return new Person(ui, username, displayName);
  }

  @Test
  void directChatBothWaysInRealTimeWithTypingAndReadReceipts() {
    Person an = person("An Nguyen");
    Person binh = person("Binh Tran");

    an.ui().startDirectChat(binh.username(), binh.displayName());
    an.ui().send("Chào Bình!");
    an.ui().awaitAcknowledged("Chào Bình!");

    binh.ui().openConversation(an.displayName());
    ChatUi.MessageRow received = binh.ui().awaitMessage("Chào Bình!");
    assertTrue(received.sender().isEmpty() || received.sender().contains(an.displayName()), received.toString());
    // Bình has the chat open, so An's message is read, and An sees that without reloading.
    an.ui().awaitStatus("Chào Bình!", "read");
    snapshot(an.ui(), "03-chat");

    binh.ui().typeDraft("Đang gõ");
    an.ui().awaitChatStatus("typing");
    binh.ui().send(" ... xong");
    an.ui().awaitMessage("Đang gõ ... xong");
    binh.ui().awaitStatus("Đang gõ ... xong", "read");

    an.ui().sendWithButton("Tạm biệt");
    binh.ui().awaitMessage("Tạm biệt");
    binh.ui().awaitAnnounced("Tạm biệt");
    an.ui().awaitStatus("Tạm biệt", "read");
    // The same conversation, in the same order, for both.
    binh.ui().awaitHistory(List.of("Chào Bình!", "Đang gõ ... xong", "Tạm biệt"));
    an.ui().awaitHistory(List.of("Chào Bình!", "Đang gõ ... xong", "Tạm biệt"));
    snapshot(an.ui(), "05-conversation");
  }

  @Test
  void aGroupOfThreeSeesEveryonesMessages() {
    Person an = person("An Group");
    Person binh = person("Binh Group");
    Person chi = person("Chi Group");

    an.ui().createGroup("Hội An trip", List.of(binh.username(), chi.username()),
        List.of(binh.displayName(), chi.displayName()));
    an.ui().send("Đi Hội An không?");
    binh.ui().openConversation("Hội An trip");
    chi.ui().openConversation("Hội An trip");
    binh.ui().awaitMessage("Đi Hội An không?");
    chi.ui().awaitMessage("Đi Hội An không?");

    chi.ui().send("Đi!");
    binh.ui().send("Mình cũng đi");
    for (Person p : List.of(an, binh, chi)) {
      ChatUi.MessageRow fromChi = p.ui().awaitMessage("Đi!");
      if (p != chi) {
        assertTrue(fromChi.sender().contains(chi.displayName()), p.displayName() + " sees who wrote it: " + fromChi);
      }
      p.ui().awaitMessage("Mình cũng đi");
    }
    an.ui().openInfoPanel(List.of(an.displayName(), binh.displayName(), chi.displayName()));
    snapshot(an.ui(), "04-group");
    // Read by both others: a group message is "read" once every member has read it.
    an.ui().awaitStatus("Đi Hội An không?", "read");
  }

  @Test
  void aReloadKeepsHistoryTheDraftAndTheReadTicks() {
    Person an = person("An Reload");
    Person binh = person("Binh Reload");
    an.ui().startDirectChat(binh.username(), binh.displayName());
    for (String text : List.of("một", "hai", "ba")) {
      an.ui().send(text);
      an.ui().awaitAcknowledged(text);
    }
    binh.ui().openConversation(an.displayName());
    binh.ui().awaitHistory(List.of("một", "hai", "ba"));
    an.ui().awaitStatus("ba", "read");
    an.ui().typeDraft("bản nháp chưa gửi");
    // Leaving the composer is the moment at which any app saves what was typed.
    an.ui().browser().click(ChatUi.SEARCH);

    an.ui().browser().reload();
    an.ui().browser().await("An's main screen after reload", ChatUi.WAIT, () -> an.ui().exists(ChatUi.ME));
    if (!an.ui().text(ChatUi.CHAT_TITLE).orElse("").contains(binh.displayName())) {
      an.ui().openConversation(binh.displayName());
    }
    an.ui().awaitHistory(List.of("một", "hai", "ba"));
    an.ui().browser().await("the draft back in the composer", ChatUi.WAIT,
        () -> an.ui().composer().equals("bản nháp chưa gửi"));
    // Binh read everything before the reload and has done nothing since: the ticks must still say so.
    an.ui().awaitStatus("ba", "read");
  }

  @Test
  void markupInAMessageIsShownAsTextAndNeverRuns() {
    Person an = person("An Markup");
    Person binh = person("Binh Markup");
    String markup = "<img src=x onerror=alert(1)>";
    an.ui().startDirectChat(binh.username(), binh.displayName());
    an.ui().send(markup);
    binh.ui().openConversation(an.displayName());
    ChatUi.MessageRow shown = binh.ui().awaitMessage(markup);
    assertEquals(0, shown.elements(), "no element made from the text: " + shown);

    // A reply that has made the round trip: whatever the markup could have started has had its turn by now.
    binh.ui().send("chỉ là chữ");
    an.ui().awaitMessage("chỉ là chữ");
    for (Person p : List.of(an, binh)) {
      assertEquals(List.of(), p.ui().browser().alerts(), p.displayName() + ": no alert");
      assertEquals(0, p.ui().count(ChatUi.MESSAGES + " img[src=\"x\"]"), p.displayName() + ": no injected img");
      assertEquals(markup, p.ui().awaitMessage(markup).text());
    }
    assertEquals(0, an.ui().awaitMessage(markup).elements());
  }

  /** Someone signed in to the app in a browser of their own. */
  protected record Person(ChatUi ui, String username, String displayName) {}
}
