package io.senchat.domain.protocol;

import io.senchat.domain.common.ChatException;
import io.senchat.domain.common.ErrorCode;

/**
 * A position in a user's change feed. Clients treat the wire form as an opaque string, persist the latest one and
 * send it back to resume; only the server interprets it. The wire form is {@code "1." + base36(txId) + "." +
 * base36(eventId)}, where the leading {@code 1} is the token format version, so the server can change the format
 * later and still recognise old tokens.
 *
 * @param txId the feed's transaction id, not negative
 * @param eventId the event within the transaction, not negative
 */
public record SyncToken(long txId, long eventId) implements Comparable<SyncToken> {

  /** The start of the feed: resuming from it replays everything the server still keeps. */
  public static final SyncToken INITIAL = new SyncToken(0, 0);

  private static final String FORMAT_PREFIX = "1.";
  // Long.toString(Long.MAX_VALUE, 36) is 13 characters.
  private static final int MAX_PART_CHARS = 13;

  public SyncToken {
    if (txId < 0 || eventId < 0) {
      throw new IllegalArgumentException("sync token parts must not be negative: " + txId + ", " + eventId);
    }
  }

  /** The token for this feed position. */
  public static SyncToken of(long txId, long eventId) {
    return new SyncToken(txId, eventId);
  }

  /** Parses the wire form; a {@link ChatException} with {@link ErrorCode#BAD_FRAME} when it is not a token. */
  public static SyncToken parse(String text) {
    SyncToken token = tryParse(text);
    if (token == null) {
      throw new ChatException(ErrorCode.BAD_FRAME, "not a sync token: " + (text == null ? null : Wire.abbreviate(text)));
    }
    return token;
  }

  /** The token, or {@code null} when the text is not the canonical wire form of one. */
  static SyncToken tryParse(String text) {
    if (text == null || !text.startsWith(FORMAT_PREFIX)) {
      return null;
    }
    int dot = text.indexOf('.', FORMAT_PREFIX.length());
    if (dot < 0) {
      return null;
    }
    long txId = base36(text, FORMAT_PREFIX.length(), dot);
    long eventId = base36(text, dot + 1, text.length());
    return txId < 0 || eventId < 0 ? null : new SyncToken(txId, eventId);
  }

  /**
   * The non-negative value of lower-case base-36 digits without leading zeros, or -1. Hand-written because
   * {@link Long#parseLong(String, int)} also accepts signs and upper case, and tokens must have one spelling.
   */
  private static long base36(String text, int from, int to) {
    int length = to - from;
    if (length < 1 || length > MAX_PART_CHARS || (length > 1 && text.charAt(from) == '0')) {
      return -1;
    }
    long value = 0;
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      int digit;
      if (c >= '0' && c <= '9') {
        digit = c - '0';
      } else if (c >= 'a' && c <= 'z') {
        digit = c - 'a' + 10;
      } else {
        return -1;
      }
      if (value > (Long.MAX_VALUE - digit) / 36) {
        return -1;
      }
      value = value * 36 + digit;
    }
    return value;
  }

  /** Orders by transaction id, then event id: later tokens compare greater. */
  @Override
  public int compareTo(SyncToken other) {
    int byTx = Long.compare(txId, other.txId);
    return byTx != 0 ? byTx : Long.compare(eventId, other.eventId);
  }

  /** The wire form, e.g. {@code "1.2s.a"}. */
  @Override
  public String toString() {
    return FORMAT_PREFIX + Long.toString(txId, 36) + "." + Long.toString(eventId, 36);
  }
}
