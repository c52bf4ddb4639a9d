package io.senchat.web.app;

import elemental2.dom.BroadcastChannel;
import elemental2.dom.DomGlobal;
import io.senchat.domain.protocol.json.JsonObject;
import io.senchat.domain.protocol.json.JsonWriter;
import io.senchat.web.rest.Json;
import javax.inject.Inject;
import javax.inject.Singleton;
import jsinterop.base.Js;

/**
 * Keeps tabs of the same app in step over a {@code BroadcastChannel}: sign-in and sign-out, drafts, and reads (a
 * conversation read in one tab clears its badge in the others at once, before the server's event arrives). Without
 * BroadcastChannel (HtmlUnit, old browsers) every method is a no-op and each tab still converges through the server.
 */
@Singleton
final class TabSync {

  /** Receives what other tabs said. */
  interface Listener {
    void onTabMessage(JsonObject message);
  }

  private final BroadcastChannel channel;
  private Listener listener = m -> {};

  @Inject
  TabSync() {
    BroadcastChannel c = null;
    if (Js.asPropertyMap(DomGlobal.window).has("BroadcastChannel")) {
      try {
        String path = DomGlobal.location.pathname;
        c = new BroadcastChannel("senchat:" + path.substring(0, path.lastIndexOf('/') + 1));
      } catch (Throwable unsupported) {
        c = null;
      }
    }
    channel = c;
    if (channel != null) {
      channel.onmessage = e -> {
        Object data = e.data;
        if (data instanceof String text) {
          try {
            listener.onTabMessage(Json.parseObject(text));
          } catch (RuntimeException bad) {
            // Another version of the app may speak differently: ignore what we cannot read.
          }
        }
        return null;
      };
    }
  }

  void listen(Listener l) {
    this.listener = l;
  }

  void post(JsonObject message) {
    if (channel != null) {
      channel.postMessage(JsonWriter.write(message));
    }
  }
}
