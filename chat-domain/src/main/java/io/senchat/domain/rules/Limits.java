package io.senchat.domain.rules;

/**
 * Every numeric limit of the product in one place, shared by the server, the clients and the tests.
 *
 * <p>Text lengths shown to users ({@link #MAX_TEXT_CHARS}, {@link #MAX_TITLE_CHARS},
 * {@link #MAX_DISPLAY_NAME_CHARS}) count Unicode code points, so an emoji costs one character like a letter
 * does, on the JVM and in the browser alike. Identifiers and emoji count UTF-16 code units: they are storage
 * bounds, not something users count.
 */
public final class Limits {

  private Limits() {
  }

  /** Longest message text or caption, in code points (at most 16,000 bytes of UTF-8). */
  public static final int MAX_TEXT_CHARS = 4000;

  /** Most members a group may have; the 500th member may join, the 501st may not. */
  public static final int MAX_GROUP_MEMBERS = 500;

  /** Largest attachment: exactly 100 MiB is accepted, one byte more is not. */
  public static final long MAX_ATTACHMENT_BYTES = 100L * 1024 * 1024;

  /** Most distinct emojis on one message; each user reacts at most once with each emoji. */
  public static final int MAX_REACTIONS_PER_MESSAGE = 50;

  /** Longest reaction emoji in UTF-16 code units; fits the longest ZWJ sequences with skin tones. */
  public static final int MAX_EMOJI_CHARS = 32;

  /** Most mentions in one message. */
  public static final int MAX_MENTIONS = 50;

  /** Longest group title, in code points. */
  public static final int MAX_TITLE_CHARS = 100;

  /** Longest display name, in code points. */
  public static final int MAX_DISPLAY_NAME_CHARS = 64;

  /** Shortest username: {@code [a-z0-9_.]}, not starting or ending with '.', no "..". */
  public static final int MIN_USERNAME_CHARS = 3;

  /** Longest username. */
  public static final int MAX_USERNAME_CHARS = 32;

  /** Longest client id ({@code [A-Za-z0-9_-]}), the sender's idempotency key. */
  public static final int MAX_CLIENT_ID_CHARS = 64;

  /** Longest sticker id ({@code [A-Za-z0-9_.:-]}). */
  public static final int MAX_STICKER_ID_CHARS = 64;

  /** Longest attachment file name, in UTF-16 code units. */
  public static final int MAX_FILE_NAME_CHARS = 255;

  /** Longest MIME type, parameters included. */
  public static final int MAX_MIME_TYPE_CHARS = 255;

  /** Longest attachment or thumbnail URL. */
  public static final int MAX_URL_CHARS = 2048;

  /**
   * How long after sending the sender may edit a message: 24 hours. Never longer than
   * {@link #DELETE_FOR_EVERYONE_WINDOW_MILLIS}, because an edit can blank a message as surely as a delete.
   */
  public static final long EDIT_WINDOW_MILLIS = 24L * 60 * 60 * 1000;

  /** How long after sending the sender may delete a message for everyone; admins and moderators have none. */
  public static final long DELETE_FOR_EVERYONE_WINDOW_MILLIS = 24L * 60 * 60 * 1000;

  /** Most unsent messages a device keeps while offline. */
  public static final int OFFLINE_QUEUE_CAPACITY = 100;

  /** Most confirmed messages a client timeline keeps in memory. */
  public static final int TIMELINE_WINDOW_MESSAGES = 500;

  /** First reconnect/resend delay bound; doubled per attempt up to the cap. */
  public static final long BACKOFF_BASE_MILLIS = 500;

  /** Largest reconnect/resend delay. */
  public static final long BACKOFF_CAP_MILLIS = 30_000;

  /**
   * Reconnect attempts that wait at most {@link #BACKOFF_BASE_MILLIS} before the doubling starts: about the first
   * 1.5 s of an outage on average, which covers a quick server restart, so the client is back within a second of it.
   */
  public static final int RECONNECT_FAST_ATTEMPTS = 6;

  /** A typing burst ends after this long without a keystroke; the client then sends typing-stop. */
  public static final long TYPING_IDLE_MILLIS = 3_000;

  /** While typing continues, typing-start is re-sent this often so receivers do not expire it. */
  public static final long TYPING_REFRESH_MILLIS = 5_000;

  /**
   * A receiver drops a typing indicator not refreshed for this long. Refreshes ride on keystrokes, so two
   * consecutive ones can be almost {@code TYPING_REFRESH_MILLIS + TYPING_IDLE_MILLIS} apart; two more seconds
   * absorb network latency.
   */
  public static final long TYPING_EXPIRY_MILLIS = TYPING_REFRESH_MILLIS + TYPING_IDLE_MILLIS + 2_000;
}
