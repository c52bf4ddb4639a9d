package io.senchat.domain.conversation;

/**
 * Per-group switches for who may do what.
 *
 * @param post who may send messages
 * @param addMembers who may add members
 * @param pinMessages who may pin messages
 * @param changeInfo who may change the title and avatar
 */
public record GroupSettings(Audience post, Audience addMembers, Audience pinMessages, Audience changeInfo) {

  /** Everyone may post and add members; pinning and changing info belong to admins. */
  public static final GroupSettings DEFAULTS =
      new GroupSettings(Audience.MEMBERS, Audience.MEMBERS, Audience.ADMINS, Audience.ADMINS);

  public GroupSettings {
    if (post == null || addMembers == null || pinMessages == null || changeInfo == null) {
      throw new IllegalArgumentException("group settings must not be null");
    }
  }
}
