package io.senchat.domain.client;

import io.senchat.domain.common.ErrorCode;
import io.senchat.domain.conversation.ConversationId;
import io.senchat.domain.message.Mention;
import io.senchat.domain.message.OutgoingMessage;
import io.senchat.domain.offline.OfflineQueue;
import io.senchat.domain.protocol.ClientFrame;
import io.senchat.domain.protocol.DeleteScope;
import io.senchat.domain.protocol.HistoryDirection;
import io.senchat.domain.protocol.ServerFrame;
import io.senchat.domain.protocol.ServerFrame.Ack;
import io.senchat.domain.protocol.ServerFrame.ErrorFrame;
import io.senchat.domain.protocol.ServerFrame.HistoryPage;
import io.senchat.domain.protocol.ServerFrame.PresenceEvent;
import io.senchat.domain.protocol.ServerFrame.TypingEvent;
import io.senchat.domain.protocol.ServerFrame.Welcome;
import io.senchat.domain.protocol.SyncToken;
import io.senchat.domain.retry.Backoff;
import io.senchat.domain.user.UserId;
import java.util.List;

/**
 * A SenChat client session that survives lost connections: the same engine drives JVM bots and the browser app.
 *
 * <p>Build it, {@link #start()} it, and call it only on the event loop that also delivers its transport events and
 * scheduled tasks. It connects, resumes the feed from the persisted position, keeps unsent messages in the offline
 * queue until they are acknowledged, reconnects with jittered backoff, and reports everything to its
 * {@link ChatClientListener}.
 */
public final class ChatClient {

  private static final ErrorFrame NOT_CONNECTED = ErrorFrame.of(ErrorCode.UNAVAILABLE, "not connected");
  private static final ErrorFrame CONNECTION_LOST = ErrorFrame.of(ErrorCode.UNAVAILABLE,
      "connection lost before the reply");

  private final ChatClientListener listener;
  private final Scheduler scheduler;
  private final Connector connector;
  private final FeedReader feed;
  private final Outbox outbox;
  private final ReceiptBatcher receipts;
  private final TypingSender typing;
  private List<UserId> watched = List.of();

  /**
   * A client that has not started.
   *
   * @param transports chooses the transport of each connection attempt, e.g. {@link TransportPolicy#only}
   * @param store where the position and the unsent messages persist; read once here
   */
  public ChatClient(ClientOptions options, TransportPolicy transports, AccessTokenSource tokens,
      ClientStateStore store, ClientRuntime runtime, ChatClientListener listener) {
    if (options == null || transports == null || tokens == null || store == null || runtime == null
        || listener == null) {
      throw new IllegalArgumentException("ChatClient dependencies must not be null");
    }
    this.listener = listener;
    this.scheduler = runtime.scheduler();
    RequestIds ids = new RequestIds(runtime.random());
    this.connector = new Connector(options, transports, tokens, runtime, listener, ids, new Router());
    this.feed = new FeedReader(store, new SeenMessages(), listener, connector, options.syncBatchLimit());
    Backoff backoff = new Backoff(options.backoffBaseMillis(), options.backoffCapMillis(), runtime.random());
    this.outbox = new Outbox(store, connector, listener, runtime, backoff, options.maxInFlightSends());
    this.receipts = new ReceiptBatcher(connector, scheduler, listener, options.receiptFlushMillis());
    this.typing = new TypingSender(connector, scheduler, runtime.clock());
  }

  /** Starts connecting; also restarts a client that is {@link ConnectionState#OFFLINE} or has given up. */
  public void start() {
    connector.start();
  }

  /** Ends the session: sends pending receipt marks if it can, closes the connection and stops reconnecting. */
  public void close() {
    receipts.flush();
    typing.stopAll();
    receipts.stop();
    outbox.stop();
    connector.stop();
  }

  /** The network is back (the browser's {@code online} event): reconnect now rather than after the backoff. */
  public void networkOnline() {
    connector.networkOnline();
  }

  public ConnectionStatus status() {
    return connector.status();
  }

  /** The persisted feed position, or {@code null} before the first {@code welcome} of a fresh client. */
  public SyncToken syncToken() {
    return feed.position();
  }

  /** The messages not acknowledged yet, in send order. */
  public List<OutgoingMessage> unsent() {
    return outbox.queue().inSendOrder();
  }

  /**
   * Queues the message (persisted first) and sends it when connected. The outcome arrives at
   * {@link ChatClientListener#onSendAcked} or {@link ChatClientListener#onSendFailed}; a connection lost meanwhile
   * only delays it. Sending again a message with the same client id replaces the queued one.
   *
   * @return how the queue took it: when the queue is full it may be refused, or the oldest message dropped (returned
   *     in the offer for the application to mark failed)
   * @throws IllegalArgumentException or {@link io.senchat.domain.common.ChatException} when the message cannot be
   *     sent at all (malformed client id, frame too large)
   */
  public OfflineQueue.Offer send(OutgoingMessage message) {
    OfflineQueue.Offer offer = outbox.add(message);
    if (offer.accepted()) {
      typing.stop(message.conversationId());
    }
    return offer;
  }

  /** Edits one's own message; returns the request id, or {@code null} when not connected. */
  public String edit(ConversationId conversationId, long seq, String text, List<Mention> mentions,
      RequestCallback<Ack> callback) {
    return command(new ClientFrame.EditMessage(conversationId, seq, text, mentions), callback);
  }

  /** Deletes a message for oneself or for everyone; returns the request id, or {@code null} when not connected. */
  public String delete(ConversationId conversationId, long seq, DeleteScope scope, RequestCallback<Ack> callback) {
    return command(new ClientFrame.DeleteMessage(conversationId, seq, scope), callback);
  }

  /** Adds or removes a reaction; returns the request id, or {@code null} when not connected. */
  public String react(ConversationId conversationId, long seq, String emoji, boolean on,
      RequestCallback<Ack> callback) {
    return command(new ClientFrame.ReactToMessage(conversationId, seq, emoji, on), callback);
  }

  /** Loads a page of messages; returns the request id, or {@code null} when not connected. */
  public String history(ConversationId conversationId, HistoryDirection direction, long seq, int limit,
      RequestCallback<HistoryPage> callback) {
    ClientFrame frame = new ClientFrame.FetchHistory(conversationId, direction, seq, limit);
    return request(frame, callback, reply -> reply instanceof HistoryPage page ? page : null);
  }

  /** Messages up to {@code seq} reached this device; sent coalesced, within the flush interval. */
  public void markDelivered(ConversationId conversationId, long seq) {
    receipts.mark(conversationId, seq, 0);
  }

  /** The user read messages up to {@code seq} (which implies delivery); sent coalesced. */
  public void markRead(ConversationId conversationId, long seq) {
    receipts.mark(conversationId, 0, seq);
  }

  /** Sends coalesced receipt marks now instead of at the end of the flush interval. */
  public void flushReceipts() {
    receipts.flush();
  }

  /** A keystroke in a conversation's composer: sends typing-start, and typing-stop once the user pauses. */
  public void typing(ConversationId conversationId) {
    typing.input(conversationId);
  }

  /** The composer lost focus: sends typing-stop if needed. */
  public void stopTyping(ConversationId conversationId) {
    typing.stop(conversationId);
  }

  /** Replaces the users whose presence events this client receives; kept and re-sent after every reconnect. */
  public void watchPresence(List<UserId> userIds) {
    watched = new ClientFrame.WatchPresence(userIds).userIds();
    sendWatch();
  }

  private String command(ClientFrame frame, RequestCallback<Ack> callback) {
    return request(frame, callback, reply -> reply instanceof Ack ack ? ack : null);
  }

  private <T extends ServerFrame> String request(ClientFrame frame, RequestCallback<T> callback,
      Narrowing<T> narrowing) {
    String id = connector.request(frame, new CallbackReply<>(callback, narrowing));
    if (id == null && callback != null) {
      // Never call back before returning: callers must not have to handle both orders.
      scheduler.schedule(0, () -> callback.onError(NOT_CONNECTED));
    }
    return id;
  }

  /** Sends the watch list if online; errors go to the listener. */
  private void sendWatch() {
    connector.request(new ClientFrame.WatchPresence(watched), new CallbackReply<>(null, reply -> null));
  }

  /** Picks the expected reply type out of any server frame, or {@code null}. */
  @FunctionalInterface
  private interface Narrowing<T extends ServerFrame> {
    T narrow(ServerFrame frame);
  }

  /** Adapts an application callback; errors of fire-and-forget commands go to the listener. */
  private final class CallbackReply<T extends ServerFrame> implements Reply {

    private final RequestCallback<T> callback;
    private final Narrowing<T> narrowing;

    CallbackReply(RequestCallback<T> callback, Narrowing<T> narrowing) {
      this.callback = callback;
      this.narrowing = narrowing;
    }

    @Override
    public void onReply(ServerFrame frame) {
      T reply = narrowing.narrow(frame);
      if (callback == null) {
        return;
      }
      if (reply != null) {
        callback.onReply(reply);
      } else {
        callback.onError(ErrorFrame.of(ErrorCode.BAD_FRAME, "unexpected reply: " + frame.type()));
      }
    }

    @Override
    public void onError(ErrorFrame error) {
      if (callback != null) {
        callback.onError(error);
      } else {
        listener.onServerError(error);
      }
    }

    @Override
    public void onLost() {
      if (callback != null) {
        callback.onError(CONNECTION_LOST);
      }
    }
  }

  /** Routes the connection's events to the parts of the session. */
  private final class Router implements Connector.Session {

    @Override
    public SyncToken resumeToken() {
      return feed.position();
    }

    @Override
    public void onWelcome(Welcome welcome, boolean replayFollows) {
      feed.onWelcome(welcome, replayFollows);
      if (!watched.isEmpty()) {
        // A new connection watches nobody.
        sendWatch();
      }
      outbox.pump();
      receipts.flush();
    }

    @Override
    public void onUnsolicited(ServerFrame frame) {
      if (feed.onUnsolicited(frame)) {
        return;
      }
      if (frame instanceof TypingEvent || frame instanceof PresenceEvent) {
        listener.onEvent(frame);
      } else if (frame instanceof ErrorFrame error) {
        listener.onServerError(error);
      }
      // Anything else (a pong, a late reply to a forgotten request) needs nothing.
    }

    @Override
    public void onLinkLost() {
      feed.onLinkLost();
      outbox.onLinkLost();
    }
  }
}
