package io.senchat.web;

import com.google.gwt.core.client.EntryPoint;
import io.senchat.web.app.DaggerAppComponent;

/** Browser entry point: builds the object graph and starts the app. */
public final class SenChatEntryPoint implements EntryPoint {

  @Override
  public void onModuleLoad() {
    DaggerAppComponent.create().app().start();
  }
}
