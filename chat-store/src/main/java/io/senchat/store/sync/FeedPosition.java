package io.senchat.store.sync;

/**
 * A position in the change feed: the writing transaction's 64-bit id and the event's id, compared in that order.
 * Clients keep it as an opaque sync token ({@link #token()}).
 */
public record FeedPosition(long tx, long id) implements Comparable<FeedPosition> {

  /** Before every event. */
  public static final FeedPosition START = new FeedPosition(0, 0);

  public FeedPosition {
    if (tx < 0 || id < 0) {
      throw new IllegalArgumentException("feed position must not be negative: " + tx + "." + id);
    }
  }

  /** The position as a compact string, e.g. {@code "7a3.1f"}. */
  public String token() {
    return Long.toHexString(tx) + "." + Long.toHexString(id);
  }

  /** The position a {@link #token()} stands for; IllegalArgumentException when it is not one. */
  public static FeedPosition parse(String token) {
    int dot = token == null ? -1 : token.indexOf('.');
    if (dot < 1 || dot == token.length() - 1) {
      throw new IllegalArgumentException("not a feed position: " + token);
    }
    try {
      return new FeedPosition(Long.parseUnsignedLong(token.substring(0, dot), 16),
          Long.parseUnsignedLong(token.substring(dot + 1), 16));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a feed position: " + token, e);
    }
  }

  @Override
  public int compareTo(FeedPosition other) {
    int byTx = Long.compare(tx, other.tx);
    return byTx != 0 ? byTx : Long.compare(id, other.id);
  }
}
