package io.senchat.domain.message;

import io.senchat.domain.user.UserId;
import java.util.List;

/** One emoji on a message and the users who reacted with it, in the order they reacted. */
public record Reaction(String emoji, List<UserId> users) {

  public Reaction {
    if (emoji == null || emoji.isEmpty() || users == null) {
      throw new IllegalArgumentException("reaction needs an emoji and a user list");
    }
    users = List.copyOf(users);
  }
}
