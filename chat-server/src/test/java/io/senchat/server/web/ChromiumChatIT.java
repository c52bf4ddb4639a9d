package io.senchat.server.web;

import org.junit.jupiter.api.BeforeEach;

/**
 * The user flows in headless Chromium, keeping screenshots of the main screens (target/screenshots) and the README's
 * picture (docs/screenshot.png, the direct chat as its first user sees it).
 */
class ChromiumChatIT extends ChatFlowsContract {

  /** Per test, so that a machine without Chromium reports each flow as skipped. */
  @BeforeEach
  void chromiumInstalled() {
    ChromiumBrowser.assumeInstalled();
  }

  @Override
  protected Browser newBrowser() {
    return ChromiumBrowser.start();
  }

  @Override
  protected void snapshot(ChatUi ui, String name) {
    byte[] png = ui.browser().screenshot();
    Screenshots.save(name, png);
    if (name.equals("05-conversation")) {
      Screenshots.saveForReadme(png);
    }
  }
}
