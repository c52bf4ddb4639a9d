package io.senchat.domain.conversation;

/** Who a group setting lets do something. */
public enum Audience {
  /** Every member. */
  MEMBERS,
  /** Admins and the owner. */
  ADMINS,
  /** The owner alone. */
  OWNER
}
