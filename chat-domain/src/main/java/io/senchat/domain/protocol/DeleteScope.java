package io.senchat.domain.protocol;

/** Whom a deletion hides a message from. */
public enum DeleteScope {
  /** Only the requesting user's devices ({@code "me"}). */
  ME("me"),
  /** Every member; allowed to the sender within the recall window and to moderators ({@code "everyone"}). */
  EVERYONE("everyone");

  private final String wireName;

  DeleteScope(String wireName) {
    this.wireName = wireName;
  }

  /** The name used on the wire. */
  public String wireName() {
    return wireName;
  }

  /** The scope with this wire name, or {@code null}. */
  public static DeleteScope fromWireName(String wireName) {
    for (DeleteScope scope : values()) {
      if (scope.wireName.equals(wireName)) {
        return scope;
      }
    }
    return null;
  }
}
