package io.senchat.domain.protocol;

/** Which messages a {@code history} request asks for, relative to its {@code seq}. */
public enum HistoryDirection {
  /** Messages with a seq lower than the given one, the newest of them; seq 0 means from the newest message. */
  BEFORE("before"),
  /** Messages with a seq higher than the given one, the oldest of them. */
  AFTER("after"),
  /** The given message and about as many messages on each side (for jumping to a reply or a search hit). */
  AROUND("around");

  private final String wireName;

  HistoryDirection(String wireName) {
    this.wireName = wireName;
  }

  /** The name used on the wire. */
  public String wireName() {
    return wireName;
  }

  /** The direction with this wire name, or {@code null}. */
  public static HistoryDirection fromWireName(String wireName) {
    for (HistoryDirection direction : values()) {
      if (direction.wireName.equals(wireName)) {
        return direction;
      }
    }
    return null;
  }
}
