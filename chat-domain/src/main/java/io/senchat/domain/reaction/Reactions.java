package io.senchat.domain.reaction;

import io.senchat.domain.common.ChatException;
import io.senchat.domain.common.ErrorCode;
import io.senchat.domain.message.Reaction;
import io.senchat.domain.rules.Limits;
import io.senchat.domain.rules.MessageValidator;
import io.senchat.domain.user.UserId;
import java.util.ArrayList;
import java.util.List;

/**
 * Adds and removes reactions on a message's reaction list. A user reacts at most once with each emoji (adding
 * it again changes nothing), may use several emojis, and a message carries at most
 * {@link Limits#MAX_REACTIONS_PER_MESSAGE} distinct emojis. Lists are returned new; the input is never changed.
 */
public final class Reactions {

  private Reactions() {
  }

  /** The reactions after {@code user} reacts with {@code emoji}; throws VALIDATION for a bad emoji or a full list. */
  public static List<Reaction> add(List<Reaction> current, UserId user, String emoji) {
    MessageValidator.validateEmoji(emoji);
    int index = indexOf(current, emoji);
    if (index < 0) {
      if (current.size() >= Limits.MAX_REACTIONS_PER_MESSAGE) {
        throw new ChatException(ErrorCode.VALIDATION, "a message may carry at most "
            + Limits.MAX_REACTIONS_PER_MESSAGE + " different reactions");
      }
      List<Reaction> result = new ArrayList<>(current);
      result.add(new Reaction(emoji, List.of(user)));
      return List.copyOf(result);
    }
    Reaction reaction = current.get(index);
    if (reaction.users().contains(user)) {
      return List.copyOf(current);
    }
    List<UserId> users = new ArrayList<>(reaction.users());
    users.add(user);
    return replace(current, index, new Reaction(emoji, users));
  }

  /** The reactions after {@code user} withdraws {@code emoji}; an emoji nobody uses any more disappears. */
  public static List<Reaction> remove(List<Reaction> current, UserId user, String emoji) {
    int index = indexOf(current, emoji);
    if (index < 0 || !current.get(index).users().contains(user)) {
      return List.copyOf(current);
    }
    List<UserId> users = new ArrayList<>(current.get(index).users());
    users.remove(user);
    return replace(current, index, users.isEmpty() ? null : new Reaction(emoji, users));
  }

  /** The reactions after removing everything {@code user} reacted with, e.g. when they leave a group. */
  public static List<Reaction> removeAllBy(List<Reaction> current, UserId user) {
    List<Reaction> result = new ArrayList<>();
    for (Reaction reaction : current) {
      List<UserId> users = new ArrayList<>(reaction.users());
      users.remove(user);
      if (!users.isEmpty()) {
        result.add(new Reaction(reaction.emoji(), users));
      }
    }
    return List.copyOf(result);
  }

  private static int indexOf(List<Reaction> reactions, String emoji) {
    for (int i = 0; i < reactions.size(); i++) {
      if (reactions.get(i).emoji().equals(emoji)) {
        return i;
      }
    }
    return -1;
  }

  private static List<Reaction> replace(List<Reaction> current, int index, Reaction replacement) {
    List<Reaction> result = new ArrayList<>(current);
    if (replacement == null) {
      result.remove(index);
    } else {
      result.set(index, replacement);
    }
    return List.copyOf(result);
  }
}
