package io.senchat.web.state;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * The one store: actions go in, the {@link Reducer} makes the next state, listeners (the views) render it. Actions
 * dispatched while listeners run are queued and applied after, so every listener sees every state in order.
 */
@Singleton
public final class Store {

  /** Renders a state; called after each change. */
  public interface Listener {
    void onState(AppState state, AppState previous);
  }

  /** A runaway dispatch loop is a bug; the bound keeps it from freezing the tab. */
  private static final int MAX_QUEUED = 1000;

  private final List<Listener> listeners = new ArrayList<>();
  private final ArrayDeque<Action> queue = new ArrayDeque<>();
  private AppState state = AppState.SIGNED_OUT;
  private boolean dispatching;

  @Inject
  Store() {}

  public AppState state() {
    return state;
  }

  public void subscribe(Listener listener) {
    listeners.add(listener);
  }

  public void dispatch(Action action) {
    if (queue.size() >= MAX_QUEUED) {
      throw new IllegalStateException("dispatch loop: more than " + MAX_QUEUED + " queued actions");
    }
    queue.add(action);
    if (dispatching) {
      return;
    }
    dispatching = true;
    try {
      while (!queue.isEmpty()) {
        AppState previous = state;
        state = Reducer.reduce(state, queue.poll());
        if (state != previous) {
          for (Listener l : new ArrayList<>(listeners)) {
            l.onState(state, previous);
          }
        }
      }
    } finally {
      dispatching = false;
    }
  }
}
