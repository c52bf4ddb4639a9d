package io.senchat.store.conversation;

/** Where a page of the conversation list ends: the sort key of its last row (pinned, last activity, id). */
public record ConversationCursor(boolean pinned, long activityMillis, long conversationId) {

  /** An opaque string form for clients. */
  public String token() {
    return (pinned ? "p" : "u") + "." + Long.toHexString(activityMillis) + "." + Long.toHexString(conversationId);
  }

  /** The cursor a {@link #token()} stands for; IllegalArgumentException when it is not one. */
  public static ConversationCursor parse(String token) {
    String[] parts = token == null ? new String[0] : token.split("\\.", -1);
    if (parts.length != 3 || !(parts[0].equals("p") || parts[0].equals("u"))) {
      throw new IllegalArgumentException("not a conversation cursor: " + token);
    }
    try {
      return new ConversationCursor(parts[0].equals("p"), Long.parseLong(parts[1], 16), Long.parseLong(parts[2], 16));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a conversation cursor: " + token, e);
    }
  }
}
