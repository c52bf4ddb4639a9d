package io.senchat.server.web;

/** The user flows in HtmlUnit: the GWT output running in the JVM's JavaScript engine, with its WebSocket. */
class HtmlUnitChatIT extends ChatFlowsContract {

  @Override
  protected Browser newBrowser() {
    return new HtmlUnitBrowser();
  }
}
