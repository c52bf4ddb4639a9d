package io.senchat.domain.protocol;

/** Size and format bounds of protocol version 1; both ends enforce them, and docs/protocol.md lists them. */
public final class ProtocolLimits {

  /** Longest client frame in UTF-16 code units (ASCII text: bytes); the server answers longer ones with too_large. */
  public static final int MAX_CLIENT_FRAME_CHARS = 64 * 1024;
  /** Longest server frame in UTF-16 code units; sync batches are cut to stay under it. */
  public static final int MAX_SERVER_FRAME_CHARS = 1024 * 1024;
  /** Deepest JSON nesting accepted in a frame; real frames need fewer than ten levels. */
  public static final int MAX_DEPTH = 32;
  /** Most elements in one JSON array or members in one object. */
  public static final int MAX_ENTRIES = 10_000;
  /** Longest request id, device id or session id; client ids, sticker ids and emoji follow rules.Limits. */
  public static final int MAX_ID_CHARS = 64;
  /** Longest access token in {@code hello}. */
  public static final int MAX_TOKEN_CHARS = 4096;
  /** Longest {@code clientVersion} in {@code hello}. */
  public static final int MAX_CLIENT_VERSION_CHARS = 128;
  /** Longest error message in an error frame; longer ones are cut by {@code ErrorFrame.of}. */
  public static final int MAX_ERROR_MESSAGE_CHARS = 1000;
  /** Most marks in one {@code receipt.mark}. */
  public static final int MAX_RECEIPT_MARKS = 500;
  /** Most users in one {@code presence.watch}. */
  public static final int MAX_WATCHED_USERS = 500;
  /** Highest {@code limit} of a {@code sync}. */
  public static final int MAX_SYNC_LIMIT = 1000;
  /** Highest {@code limit} of a {@code history} request. */
  public static final int MAX_HISTORY_LIMIT = 200;
  /** Largest integer on the wire, 2^53 - 1, so that every JavaScript client reads it exactly. */
  public static final long MAX_SAFE_INTEGER = 9_007_199_254_740_991L;

  private ProtocolLimits() {
  }
}
