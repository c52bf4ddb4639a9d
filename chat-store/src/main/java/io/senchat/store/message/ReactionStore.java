package io.senchat.store.message;

import io.senchat.domain.message.MessageRef;
import io.senchat.domain.message.Reaction;
import io.senchat.domain.user.UserId;
import java.util.List;

/** Emoji reactions; a user may react with several emojis, each once. */
public interface ReactionStore {

  /** Adds the user's reaction (no-op when present) and returns the message's reactions, emojis by first use. */
  List<Reaction> react(MessageRef ref, UserId user, String emoji);

  /** Removes the user's reaction (no-op when absent) and returns the message's reactions. */
  List<Reaction> unreact(MessageRef ref, UserId user, String emoji);
}
