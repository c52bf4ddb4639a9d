package io.senchat.domain.text;

import io.senchat.domain.message.Mention;
import io.senchat.domain.message.Message;
import io.senchat.domain.user.UserId;
import java.util.ArrayList;
import java.util.List;

/** Questions about a message's mentions: who they notify. */
public final class Mentions {

  private Mentions() {
  }

  /** True when {@code mentions} name {@code userId} or contain {@code @all}. The sender is the caller's concern. */
  public static boolean notifies(UserId userId, List<Mention> mentions) {
    for (Mention mention : mentions) {
      if (mention.isAll() || mention.userId().equals(userId)) {
        return true;
      }
    }
    return false;
  }

  /** True when {@code message} mentions {@code userId}, was not sent by them and is not deleted. */
  public static boolean notifies(UserId userId, Message message) {
    return !message.deletedForEveryone() && !message.senderId().equals(userId)
        && notifies(userId, message.mentions());
  }

  /** The distinct users mentioned by name, in order of first mention; {@code @all} is not expanded. */
  public static List<UserId> mentionedUsers(List<Mention> mentions) {
    List<UserId> users = new ArrayList<>();
    for (Mention mention : mentions) {
      if (!mention.isAll() && !users.contains(mention.userId())) {
        users.add(mention.userId());
      }
    }
    return List.copyOf(users);
  }
}
