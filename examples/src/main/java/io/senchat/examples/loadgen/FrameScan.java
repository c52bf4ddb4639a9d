package io.senchat.examples.loadgen;

/**
 * Reads the conversation, seq and sender of a {@code message.new} frame without decoding it, so that the load
 * generator's raw-frame check costs a few string searches instead of a second full JSON decode of every frame (the
 * engine decodes it anyway).
 *
 * <p>It relies on the server's encoding ({@code MessageJson}): the message object starts with {@code conversationId},
 * {@code seq} and {@code senderId}, and a string value can never contain an unescaped {@code "seq":}, so the first
 * occurrence of each key is the message's own. Anything else (a sync batch, another layout) answers {@code false} and
 * the caller decodes the frame properly.
 */
final class FrameScan {

  private static final String TYPE = "\"type\":\"message.new\"";
  private static final String MESSAGE = "\"message\":{";
  private static final String CONVERSATION = "\"conversationId\":";
  private static final String SEQ = "\"seq\":";
  private static final String SENDER = "\"senderId\":";

  private FrameScan() {}

  /** Where {@link #messageNew} puts the conversation id, seq and sender id. */
  static final int CONVERSATION_ID = 0;
  static final int SEQ_VALUE = 1;
  static final int SENDER_ID = 2;

  /** True when the frame is a {@code message.new} (as opposed to a reply, a batch or another event). */
  static boolean isMessageNew(String frame) {
    int type = frame.indexOf(TYPE);
    // The envelope's own type comes before its data; a "type" inside a text value would be escaped.
    return type >= 0 && type < 40;
  }

  /**
   * Reads a plain {@code message.new} into {@code key} (indexes {@link #CONVERSATION_ID}, {@link #SEQ_VALUE},
   * {@link #SENDER_ID}); false when the frame is something else or not in the expected layout. A caller-owned array
   * rather than a record: this runs for every frame, and the record did not always escape allocation.
   */
  static boolean messageNew(String frame, long[] key) {
    if (!isMessageNew(frame)) {
      return false;
    }
    int message = frame.indexOf(MESSAGE);
    if (message < 0) {
      return false;
    }
    int conversation = frame.indexOf(CONVERSATION, message);
    int seq = conversation < 0 ? -1 : frame.indexOf(SEQ, conversation);
    int sender = seq < 0 ? -1 : frame.indexOf(SENDER, seq);
    if (sender < 0 || conversation != message + MESSAGE.length()) {
      return false;
    }
    key[CONVERSATION_ID] = number(frame, conversation + CONVERSATION.length());
    key[SEQ_VALUE] = number(frame, seq + SEQ.length());
    key[SENDER_ID] = number(frame, sender + SENDER.length());
    return key[CONVERSATION_ID] >= 0 && key[SEQ_VALUE] >= 0 && key[SENDER_ID] >= 0;
  }

  /** The non-negative decimal at {@code from}, ended by {@code ,} or {@code }}, or -1. */
  private static long number(String frame, int from) {
    long value = 0;
    int i = from;
    for (; i < frame.length() && i - from < 19; i++) {
      char c = frame.charAt(i);
      if (c < '0' || c > '9') {
        break;
      }
      value = value * 10 + (c - '0');
    }
    if (i == from || i >= frame.length()) {
      return -1;
    }
    char end = frame.charAt(i);
    return end == ',' || end == '}' ? value : -1;
  }
}
