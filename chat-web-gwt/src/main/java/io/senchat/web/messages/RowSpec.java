package io.senchat.web.messages;

import io.senchat.domain.message.Attachment;
import io.senchat.domain.message.Mention;
import io.senchat.domain.message.Message;
import io.senchat.domain.message.MessageKind;
import io.senchat.domain.message.MessageStatus;
import java.util.List;

/**
 * Everything one row shows, derived from the model by {@link RowPlanner}; two equal specs render the same DOM, so
 * a row whose spec did not change is not touched.
 *
 * @param key stable row key: {@code "s" + seq} for confirmed messages, {@code "l" + clientId} for local ones
 * @param seq server seq, 0 for a local message
 * @param localId client id of a local (pending or failed) message, {@code null} for confirmed ones
 * @param message the confirmed message, {@code null} for a local one
 * @param status the own user's view of delivery, {@code null} on others' messages
 * @param dayBreak first message of a calendar day: a day separator precedes it
 * @param groupStart first of a run by the same sender: the sender's name is shown
 * @param groupEnd last of a run
 * @param unreadDivider the first unread message: a "New messages" divider precedes it
 * @param reply preview of the message replied to, or {@code null}
 */
record RowSpec(String key, long seq, String localId, Message message, boolean own, MessageStatus status,
    String senderName, long timeMillis, MessageKind kind, String text, List<Mention> mentions,
    Attachment attachment, boolean edited, boolean deleted, boolean dayBreak, boolean groupStart,
    boolean groupEnd, boolean unreadDivider, ReplyPreview reply, List<ReactionChip> reactions, boolean canReact,
    boolean canEdit, boolean canDeleteForEveryone) {

  /** The replied-to message as the preview shows it; {@code loaded} false when it is not in the model. */
  record ReplyPreview(long seq, boolean loaded, String senderName, String text) {
  }

  /** One emoji with its count, {@code mine} when the own user is among the reactors. */
  record ReactionChip(String emoji, int count, boolean mine) {
  }

  boolean isLocal() {
    return localId != null;
  }
}
