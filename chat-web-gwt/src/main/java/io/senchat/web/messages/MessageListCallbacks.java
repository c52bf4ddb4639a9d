package io.senchat.web.messages;

import io.senchat.domain.message.Message;

/**
 * What the user asked the message list to do; the shell turns each call into a store command. Every method has a
 * no-op default so a host implements only what it supports.
 */
public interface MessageListCallbacks {

  /** The user scrolled near the top and {@link MessageListModel#hasOlder()} is true: load the previous page. */
  default void loadOlder() {
  }

  /** Reply to {@code message} (the composer shows the reply preview). */
  default void reply(Message message) {
  }

  /**
   * Toggle the own reaction {@code emoji} on {@code message}: withdraw it when
   * {@link MessageListModel#hasOwnReaction} is true, add it otherwise.
   */
  default void react(Message message, String emoji) {
  }

  /** Save {@code newText} as the new text of the own {@code message} (already trimmed, non-empty, changed). */
  default void edit(Message message, String newText) {
  }

  /** Hide {@code message} from the own view. */
  default void deleteForMe(Message message) {
  }

  /** Recall {@code message} for every member. */
  default void deleteForEveryone(Message message) {
  }

  /** Send the failed local message with this client id again. */
  default void retry(String localId) {
  }

  /** The text of {@code message} was copied (the view already wrote it to the clipboard when one exists). */
  default void copy(Message message) {
  }

  /** Show the message {@code seq}, which is not loaded: load the messages around it and set the jump seq. */
  default void jumpTo(long seq) {
  }
}
