package io.senchat.web;

import com.google.gwt.core.client.EntryPoint;
import elemental2.dom.DomGlobal;
import io.senchat.domain.conversation.GroupSettings;

/** Browser entry point. Until the app lands it proves chat-domain translates by using it. */
public final class SenChatEntryPoint implements EntryPoint {

  @Override
  public void onModuleLoad() {
    DomGlobal.document.title = "SenChat " + GroupSettings.DEFAULTS.post();
  }
}
