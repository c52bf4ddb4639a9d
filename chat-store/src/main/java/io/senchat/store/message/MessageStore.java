package io.senchat.store.message;

import io.senchat.domain.message.Mention;
import io.senchat.domain.message.Message;
import io.senchat.domain.message.MessageRef;
import io.senchat.domain.user.UserId;
import java.util.List;

/** Writes messages: appends with gapless seqs and idempotent retries, edits and deletes. */
public interface MessageStore {

  /**
   * Appends a message in its own transaction. NOT_FOUND for an unknown conversation, NOT_MEMBER / FORBIDDEN when
   * the sender may not post, CONFLICT when the client id was used for a message in another conversation,
   * VALIDATION when a database constraint rejects it (e.g. an attachment over 100 MiB).
   */
  AppendResult append(NewMessage message);

  /**
   * Appends messages in one transaction, all or nothing: if any is rejected, nothing is written and the first
   * rejection is thrown. Results are in input order; repeats within the list return the first one's message.
   */
  List<AppendResult> appendBatch(List<NewMessage> messages);

  /** Replaces the text and mentions of the editor's own message, keeping the old version in the edit history. */
  Message edit(MessageRef ref, UserId editor, String text, List<Mention> mentions);

  /**
   * Deletes a message for everyone: content, reactions and edit history are erased, the seq stays. Allowed to the
   * sender, to group admins and owners, and to super-admins; deleting again is a no-op.
   */
  Message deleteForEveryone(MessageRef ref, UserId actor);

  /** Hides a message from one member's history and lists ("delete for me"). */
  void deleteForMe(MessageRef ref, UserId user);
}
