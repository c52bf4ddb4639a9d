package io.senchat.domain.client;

import io.senchat.domain.common.ChatException;
import io.senchat.domain.common.ErrorCode;
import io.senchat.domain.conversation.ConversationId;
import io.senchat.domain.message.OutgoingMessage;
import io.senchat.domain.offline.OfflineQueue;
import io.senchat.domain.protocol.ClientFrame;
import io.senchat.domain.protocol.ProtocolCodec;
import io.senchat.domain.protocol.ServerFrame;
import io.senchat.domain.protocol.ServerFrame.Ack;
import io.senchat.domain.protocol.ServerFrame.ErrorFrame;
import io.senchat.domain.retry.Backoff;
import io.senchat.domain.retry.BackoffState;
import java.util.HashSet;
import java.util.Set;

/**
 * Sends queued messages: each is persisted in the {@link OfflineQueue} before it is sent and leaves it only when the
 * server acknowledges or refuses it for good. Resends after a reconnect carry the same client id, so the server
 * answers with the original seq instead of posting twice. At most {@code maxInFlight} sends await their ack at once:
 * a long queue is paced by acks rather than dumped into the transport's send queue.
 *
 * <p>Within one conversation only the oldest queued message is in flight: if it were pipelined, a later message
 * could be accepted while an earlier one is refused for a while (rate limited) or lost with a connection, and the
 * sender's messages would take seqs out of the order they were written in. Different conversations go in parallel.
 */
final class Outbox {

  private final ClientStateStore store;
  private final Connector connector;
  private final ChatClientListener listener;
  private final Scheduler scheduler;
  private final Backoff backoff;
  private final int maxInFlight;
  // Client ids sent on the current connection and not yet answered.
  private final Set<String> inFlight = new HashSet<>();

  private OfflineQueue queue;
  private BackoffState refusals = BackoffState.INITIAL;
  private Cancellable pause;

  Outbox(ClientStateStore store, Connector connector, ChatClientListener listener, ClientRuntime runtime,
      Backoff backoff, int maxInFlight) {
    this.store = store;
    this.connector = connector;
    this.listener = listener;
    this.scheduler = runtime.scheduler();
    this.backoff = backoff;
    this.maxInFlight = maxInFlight;
    this.queue = store.loadOfflineQueue();
  }

  /** Queues and persists the message, then sends it if the connection allows. */
  OfflineQueue.Offer add(OutgoingMessage message) {
    // Refuse what can never be sent before it takes a place in the queue.
    ProtocolCodec.encodeClient(null, new ClientFrame.SendMessage(message));
    OfflineQueue.Offer offer = queue.offer(message);
    if (offer.accepted()) {
      queue = offer.queue();
      store.saveOfflineQueue(queue);
      pump();
    }
    return offer;
  }

  OfflineQueue queue() {
    return queue;
  }

  int inFlightCount() {
    return inFlight.size();
  }

  /** Sends queued messages in order, as far as the in-flight bound allows. */
  void pump() {
    // While a transport switch is pending, new sends wait for the next connection instead of being re-sent there.
    if (pause != null || !connector.isOnline() || connector.switching()) {
      return;
    }
    Set<ConversationId> started = new HashSet<>();
    for (OutgoingMessage message : queue.inSendOrder()) {
      if (inFlight.size() >= maxInFlight) {
        return;
      }
      // Only the head of each conversation's queue may be in flight (see the class comment).
      if (!started.add(message.conversationId()) || inFlight.contains(message.clientId())) {
        continue;
      }
      String id;
      try {
        id = connector.request(new ClientFrame.SendMessage(message), new SendReply(message.clientId()));
      } catch (RuntimeException unsendable) {
        // Only a message persisted by an older version can get here: add() checks new ones.
        ErrorCode code = unsendable instanceof ChatException failure ? failure.code() : ErrorCode.VALIDATION;
        refused(message.clientId(), ErrorFrame.of(code, unsendable.getMessage()));
        return;
      }
      if (id == null) {
        return;
      }
      inFlight.add(message.clientId());
    }
  }

  void onLinkLost() {
    // Whatever was in flight stays queued and goes out again, under the same client id, after the next welcome.
    inFlight.clear();
  }

  void stop() {
    if (pause != null) {
      pause.cancel();
      pause = null;
    }
  }

  private void acked(String clientId, Ack ack) {
    inFlight.remove(clientId);
    OutgoingMessage message = queue.find(clientId).orElse(null);
    refusals = refusals.reset();
    if (message != null) {
      queue = queue.remove(clientId);
      store.saveOfflineQueue(queue);
      listener.onSendAcked(message, ack);
    }
    pump();
  }

  private void refused(String clientId, ErrorFrame error) {
    inFlight.remove(clientId);
    if (error.retryable()) {
      // rate_limited, unavailable...: keep it queued and pause all sends for a while.
      refusals = refusals.failed();
      if (pause == null) {
        pause = scheduler.schedule(refusals.nextDelayMillis(backoff), () -> {
          pause = null;
          pump();
        });
      }
      return;
    }
    OutgoingMessage message = queue.find(clientId).orElse(null);
    if (message != null) {
      queue = queue.remove(clientId);
      store.saveOfflineQueue(queue);
      listener.onSendFailed(message, error);
    }
    pump();
  }

  /** The answer to one {@code message.send}. */
  private final class SendReply implements Reply {

    private final String clientId;

    SendReply(String clientId) {
      this.clientId = clientId;
    }

    @Override
    public void onReply(ServerFrame frame) {
      if (frame instanceof Ack ack) {
        acked(clientId, ack);
      } else {
        // Not an answer to message.send: the outcome is unknown, so resend after the next connection.
        inFlight.remove(clientId);
        connector.reconnect(Connector.UNEXPECTED_REPLY);
      }
    }

    @Override
    public void onError(ErrorFrame error) {
      refused(clientId, error);
    }

    @Override
    public void onLost() {
      inFlight.remove(clientId);
    }
  }
}
