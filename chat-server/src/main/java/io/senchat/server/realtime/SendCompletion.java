package io.senchat.server.realtime;

import io.senchat.domain.common.ChatException;
import io.senchat.domain.common.ErrorCode;
import io.senchat.domain.message.Message;
import io.senchat.domain.message.OutgoingMessage;
import io.senchat.domain.protocol.ServerFrame.Ack;
import io.senchat.domain.protocol.ServerFrame.ErrorFrame;
import io.senchat.domain.protocol.ServerFrame.MessageNew;
import io.senchat.server.fanout.FanOut;
import io.senchat.server.sync.WriteBarrier;
import io.senchat.store.message.AppendResult;
import java.util.Objects;
import java.util.concurrent.CompletionException;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The outcome of one durable append: fan out {@code message.new} to every live session of every member (the sender's
 * devices included), then {@code ack} the sender, so that by the time a client can act on its ack (edit, react)
 * every session already has the message queued. A resend of the same client id is acknowledged with the original;
 * the same client id with a different message is a {@code conflict}.
 */
final class SendCompletion implements BiConsumer<AppendResult, Throwable> {

  private static final Logger LOG = LoggerFactory.getLogger(SendCompletion.class);

  private final ClientSession session;
  private final String requestId;
  private final OutgoingMessage sent;
  private final FanOut fanOut;
  private final WriteBarrier.Ticket ticket;
  private final RealtimeMetrics metrics;
  private final long startedNanos;

  SendCompletion(ClientSession session, String requestId, OutgoingMessage sent, FanOut fanOut,
      WriteBarrier.Ticket ticket, RealtimeMetrics metrics, long startedNanos) {
    this.session = session;
    this.requestId = requestId;
    this.sent = sent;
    this.fanOut = fanOut;
    this.ticket = ticket;
    this.metrics = metrics;
    this.startedNanos = startedNanos;
  }

  @Override
  public void accept(AppendResult result, Throwable failure) {
    try {
      if (failure != null) {
        refuse(failure);
      } else if (result.duplicate()) {
        if (sameMessage(result.message(), sent)) {
          acknowledge(result.message());
          metrics.sent(true, startedNanos);
        } else {
          session.output().reply(requestId, ErrorFrame.of(ErrorCode.CONFLICT, "clientId " + sent.clientId()
              + " was already used for a different message (seq " + result.message().seq() + ")"));
        }
      } else {
        fanOut(result.message());
        acknowledge(result.message());
        metrics.sent(false, startedNanos);
      }
    } catch (RuntimeException e) {
      LOG.error("{}: completing send {} failed", session, sent.clientId(), e);
    } finally {
      ticket.close();
    }
  }

  private void fanOut(Message message) {
    try {
      fanOut.toConversation(message.conversationId(), new MessageNew(message));
    } catch (RuntimeException e) {
      // The message is durable: members get it by sync; the sender must still hear that it was accepted.
      LOG.warn("{}: fan-out of {} failed; members will catch up by sync", session, message.ref(), e);
    }
  }

  private void acknowledge(Message message) {
    if (requestId != null) {
      session.output().reply(requestId, Ack.forSend(message));
    }
  }

  private void refuse(Throwable failure) {
    Throwable cause = failure instanceof CompletionException && failure.getCause() != null
        ? failure.getCause() : failure;
    if (cause instanceof ChatException refused) {
      session.output().reply(requestId, ErrorFrame.of(refused));
    } else {
      LOG.error("{}: append of {} failed", session, sent.clientId(), cause);
      session.output().reply(requestId, ErrorFrame.of(ErrorCode.INTERNAL, "the message could not be stored; retry"));
    }
  }

  /**
   * Whether a resend carries the message stored under its client id. An original edited or deleted since cannot be
   * compared, and a resend of it is taken for what it most likely is: a retry.
   */
  static boolean sameMessage(Message original, OutgoingMessage resent) {
    if (original.isEdited() || original.deletedForEveryone()) {
      return original.conversationId().equals(resent.conversationId());
    }
    return original.conversationId().equals(resent.conversationId())
        && original.kind() == resent.kind()
        && original.text().equals(resent.text())
        && Objects.equals(original.attachment(), resent.attachment())
        && original.stickerId().equals(resent.stickerId())
        && original.replyToSeq() == resent.replyToSeq()
        && Objects.equals(original.forwarded(), resent.forwarded())
        && original.mentions().equals(resent.mentions());
  }
}
