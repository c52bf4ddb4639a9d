package io.senchat.domain.conversation;

/** Role of a member inside one group, ordered from least to most powerful. */
public enum MemberRole {
  MEMBER,
  ADMIN,
  OWNER;

  /** True if this role is {@code other} or more powerful. */
  public boolean atLeast(MemberRole other) {
    return ordinal() >= other.ordinal();
  }
}
