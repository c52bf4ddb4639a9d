package io.senchat.web.state;

import io.senchat.domain.conversation.MemberRole;
import io.senchat.domain.user.UserId;
import io.senchat.domain.user.UserProfile;

/**
 * A member of the open conversation.
 *
 * @param user the profile, or {@code null} when the account no longer exists
 */
public record MemberInfo(UserId userId, MemberRole role, UserProfile user) {

  public String name() {
    return user != null ? user.displayName() : "Deleted account";
  }
}
