package io.senchat.server.web;

import org.junit.jupiter.api.BeforeEach;

/**
 * The user flows in headless Chromium against a server that serves no WebSocket (as on a network that drops
 * upgrades): the app's transport policy must fall back to its long-poll client (XMLHttpRequest) for every flow to
 * pass in real time. Not in HtmlUnit: it runs a window's XMLHttpRequests one after another, so a held poll would
 * stall every other request of the page.
 */
class ChromiumLongPollChatIT extends ChatFlowsContract {

  @BeforeEach
  void chromiumInstalled() {
    ChromiumBrowser.assumeInstalled();
  }

  @Override
  protected WebAppServer newServer() {
    return WebAppServer.start("longpoll");
  }

  @Override
  protected Browser newBrowser() {
    return ChromiumBrowser.start();
  }
}
