package io.senchat.store.message;

/**
 * Which slice of a conversation's history to read, by seq.
 *
 * @param seq the anchor; ignored for {@link Direction#NEWEST}
 * @param limit messages wanted (for AROUND: how many on each side), capped at {@link MessageReader#MAX_PAGE}
 */
public record HistoryRequest(Direction direction, long seq, int limit) {

  /** Where the slice lies relative to {@code seq}. */
  public enum Direction {
    /** The newest messages. */
    NEWEST,
    /** Messages with a smaller seq, nearest first in the query, returned ascending. */
    BEFORE,
    /** Messages with a larger seq. */
    AFTER,
    /** {@code limit} messages before {@code seq}, the message itself, and {@code limit} after. */
    AROUND
  }

  public HistoryRequest {
    if (direction == null || seq < 0) {
      throw new IllegalArgumentException("bad history request " + direction + " " + seq);
    }
  }

  public static HistoryRequest newest(int limit) {
    return new HistoryRequest(Direction.NEWEST, 0, limit);
  }

  public static HistoryRequest before(long seq, int limit) {
    return new HistoryRequest(Direction.BEFORE, seq, limit);
  }

  public static HistoryRequest after(long seq, int limit) {
    return new HistoryRequest(Direction.AFTER, seq, limit);
  }

  public static HistoryRequest around(long seq, int eachSide) {
    return new HistoryRequest(Direction.AROUND, seq, eachSide);
  }
}
