package io.senchat.domain.protocol;

/** What happened to a membership in a {@code member.changed} event. */
public enum MemberChange {
  /** The user joined or was added. */
  ADDED("added"),
  /** The user left or was removed. */
  REMOVED("removed"),
  /** The member's role changed (promotion, demotion, ownership transfer). */
  ROLE("role");

  private final String wireName;

  MemberChange(String wireName) {
    this.wireName = wireName;
  }

  /** The name used on the wire. */
  public String wireName() {
    return wireName;
  }

  /** The change with this wire name, or {@code null}. */
  public static MemberChange fromWireName(String wireName) {
    for (MemberChange change : values()) {
      if (change.wireName.equals(wireName)) {
        return change;
      }
    }
    return null;
  }
}
