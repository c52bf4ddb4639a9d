package io.senchat.domain.client;

import io.senchat.domain.message.OutgoingMessage;
import io.senchat.domain.protocol.ServerFrame;
import io.senchat.domain.protocol.ServerFrame.Ack;
import io.senchat.domain.protocol.ServerFrame.ErrorFrame;
import io.senchat.domain.protocol.ServerFrame.Welcome;

/**
 * What a {@link ChatClient} tells the application, always on the event loop. Methods may call back into the client.
 *
 * <p>Guarantees: every event of the feed after the client's position reaches {@link #onEvent} at least once, in feed
 * order, and {@code message.new} at most once per (conversation, seq) for the client's lifetime. Two exceptions to
 * "at most once", both outside normal operation: after {@link #onSession} with {@code resumed == false} (the
 * application starts over from history anyway), and when live messages of more than 4,096 conversations arrive
 * between two checkpoints of the server (the dedup memory is bounded; see {@code SeenMessages}). Other feed events
 * ({@code message.updated}, {@code receipt}...) may repeat after a reconnect and must be applied as docs/protocol.md
 * says (replace, or raise), which makes a repeat harmless. Each queued message ends in exactly one of
 * {@link #onSendAcked} or {@link #onSendFailed}, unless the application re-sends it first or a full queue drops it
 * (see {@link ChatClient#send}).
 */
public interface ChatClientListener {

  /** The connection state changed. */
  default void onStatus(ConnectionStatus status) {}

  /**
   * The server said {@code welcome}. When {@code resumed} is false the client had no position (a fresh client, or the
   * server could no longer resume from the old one): discard cached conversations and messages, and load them with
   * {@code history}. When true, replayed events follow, then {@link #onCaughtUp}.
   */
  default void onSession(Welcome welcome, boolean resumed) {}

  /** Everything the server had for this client has been delivered: live events follow. */
  default void onCaughtUp() {}

  /**
   * An event to apply: a feed event (live or replayed, in feed order; {@code message.new} never twice), or an
   * ephemeral {@code typing} or {@code presence} event.
   */
  default void onEvent(ServerFrame event) {}

  /** The server accepted a queued message; {@code ack} carries its seq (for a resend, that of the original). */
  default void onSendAcked(OutgoingMessage message, Ack ack) {}

  /**
   * The server refused a queued message for good (validation, forbidden, not a member...); it has left the queue, its
   * status is FAILED, and the user may send it again with {@link ChatClient#send}.
   */
  default void onSendFailed(OutgoingMessage message, ErrorFrame error) {}

  /** An error the server sent outside any pending request (a failed {@code typing}, an overloaded server...). */
  default void onServerError(ErrorFrame error) {}
}
