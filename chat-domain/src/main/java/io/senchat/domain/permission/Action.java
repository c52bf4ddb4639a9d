package io.senchat.domain.permission;

/** Everything a user can try to do in a conversation that needs authorising. */
public enum Action {
  /** Send a message (groups: per {@code GroupSettings.post}). Target: none. */
  SEND,
  /** Edit one's own message within the edit window. Target: the message. */
  EDIT,
  /** Hide a message from one's own view. Target: the message. */
  DELETE_FOR_ME,
  /** Recall a message for every member. Target: the message. */
  DELETE_FOR_EVERYONE,
  /** Add or withdraw a reaction. Target: the message. */
  REACT,
  /** Pin or unpin a message (groups: per {@code GroupSettings.pinMessages}). Target: the message. */
  PIN,
  /** Add members to a group (per {@code GroupSettings.addMembers}). Target: none. */
  ADD_MEMBERS,
  /** Remove another member from a group. Target: the member. */
  REMOVE_MEMBER,
  /** Make a member an admin. Target: the member. */
  PROMOTE_TO_ADMIN,
  /** Make an admin a plain member again. Target: the member. */
  DEMOTE_TO_MEMBER,
  /** Hand the group over to another member, who becomes owner; the old owner becomes admin. Target: the member. */
  TRANSFER_OWNERSHIP,
  /** Change the group title or avatar (per {@code GroupSettings.changeInfo}). Target: none. */
  CHANGE_INFO,
  /** Change the group settings themselves. Target: none. */
  CHANGE_SETTINGS,
  /** Leave a group. Target: none. */
  LEAVE,
  /** Installation-wide moderation (close a group, ban a user, read reports). Target: none. */
  MODERATE
}
