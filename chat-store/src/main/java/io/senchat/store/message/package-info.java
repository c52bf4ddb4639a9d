/**
 * Messages: gapless per-conversation seq allocation with idempotent sends, group commit, edits, deletes, reactions,
 * mentions, attachments and history paging.
 *
 * <p>The append protocol, in one transaction: lock the conversation rows (ascending id), look for an earlier send
 * with the same {@code (sender, clientId)} under that lock, check membership, raise {@code last_seq}, insert the
 * messages, their mentions and their change events. Because the seq counter and the rows commit together, a
 * failed transaction leaves neither a gap nor a partial row, and a retried send returns the original message. The
 * protocol runs server-side in the {@code append_messages} function (migration V2): one round trip per append or
 * per batch, and the conversation's row lock is never held while the database waits for this JVM.
 */
package io.senchat.store.message;
