package io.senchat.store.sync;

import java.util.List;

/**
 * A page of the change feed.
 *
 * @param events in feed order
 * @param next where the next call continues: the last event's position, or the requested one when empty
 * @param hasMore true when more events were ready than the limit allowed
 */
public record ChangePage(List<ChangeEvent> events, FeedPosition next, boolean hasMore) {

  public ChangePage {
    if (events == null || next == null) {
      throw new IllegalArgumentException("change page fields must not be null");
    }
    events = List.copyOf(events);
  }
}
