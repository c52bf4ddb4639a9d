package io.senchat.store.conversation;

import io.senchat.domain.conversation.GroupSettings;
import io.senchat.domain.user.UserId;
import java.util.List;

/**
 * A group to create; the creator becomes its owner.
 *
 * @param members the other initial members (the creator and duplicates are ignored)
 */
public record NewGroup(UserId creator, String title, String avatarUrl, GroupSettings settings, List<UserId> members) {

  public NewGroup {
    if (creator == null || title == null || avatarUrl == null || settings == null || members == null) {
      throw new IllegalArgumentException("new group fields must not be null");
    }
    members = List.copyOf(members);
  }

  /** A group with default settings and no avatar. */
  public static NewGroup of(UserId creator, String title, List<UserId> members) {
    return new NewGroup(creator, title, "", GroupSettings.DEFAULTS, members);
  }
}
