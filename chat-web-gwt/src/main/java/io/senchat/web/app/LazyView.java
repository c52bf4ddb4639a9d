package io.senchat.web.app;

import elemental2.dom.HTMLElement;
import io.senchat.web.state.AppState;

/**
 * A view loaded behind a split point. The shell only talks to it through this interface, so none of its code is
 * reachable from the initial download until the split point has run.
 */
interface LazyView {

  HTMLElement element();

  void render(AppState state, long nowMillis);
}
