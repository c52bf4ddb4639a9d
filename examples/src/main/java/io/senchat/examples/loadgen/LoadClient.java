package io.senchat.examples.loadgen;

import io.senchat.domain.client.AccessTokenSource;
import io.senchat.domain.client.Cancellable;
import io.senchat.domain.client.ChatClient;
import io.senchat.domain.client.ChatClientListener;
import io.senchat.domain.client.ClientOptions;
import io.senchat.domain.client.ConnectionState;
import io.senchat.domain.client.ConnectionStatus;
import io.senchat.domain.client.InMemoryClientStateStore;
import io.senchat.domain.client.TransportPolicy;
import io.senchat.domain.conversation.ConversationId;
import io.senchat.domain.message.Message;
import io.senchat.domain.message.OutgoingMessage;
import io.senchat.domain.protocol.Outbound;
import io.senchat.domain.protocol.ProtocolCodec;
import io.senchat.domain.protocol.ServerFrame;
import io.senchat.domain.protocol.ServerFrame.Ack;
import io.senchat.domain.protocol.ServerFrame.ErrorFrame;
import io.senchat.domain.protocol.ServerFrame.MessageNew;
import io.senchat.domain.protocol.ServerFrame.SyncBatch;
import io.senchat.domain.transport.ClientTransport;
import io.senchat.domain.transport.ClientTransportFactory;
import io.senchat.domain.transport.ClientTransportListener;
import io.senchat.domain.transport.CloseReason;
import io.senchat.examples.client.JvmClientRuntime;
import io.senchat.transport.ws.client.WebSocketClientOptions;
import java.net.http.HttpClient;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One simulated user: a real {@link ChatClient} on a shared loop, sending marked text messages at a fixed rate to its
 * group and checking every arrival against what was acknowledged. Everything but the constructor runs on its loop.
 *
 * <p>A message's text is {@code lg:<System.nanoTime() at the send call>}; all clients live in one JVM, so a receiver
 * computes the latency from its own clock. Seqs are counted twice: as the application sees them ({@link #onEvent},
 * after the engine's deduplication) and as they come off the wire ({@link #onRawFrame}).
 */
final class LoadClient implements ChatClientListener {

  private static final Logger LOG = LoggerFactory.getLogger(LoadClient.class);

  /** Builds the transport policy of one client on its loop; {@code tap} must wrap every factory it uses. */
  @FunctionalInterface
  interface TransportMaker {
    TransportPolicy policy(JvmClientRuntime loop, HttpClient http, UnaryOperator<ClientTransportFactory> tap);
  }

  /** The transports {@code --transport} accepts; long-poll and a WebSocket-then-long-poll policy go here. */
  static final Map<String, TransportMaker> TRANSPORTS = Map.of(
      "ws", (loop, http, tap) -> TransportPolicy.only(tap.apply(loop.webSocket(http, WebSocketClientOptions.defaults()))));

  static final String MARKER = "lg:";
  /**
   * Seq ranges one client tracks. A receiver's seqs form one range plus a gap per message not (yet) delivered, so a
   * few thousand only fill up when something is badly wrong, which {@link SeqSet#untracked()} then reports.
   */
  static final int MAX_RANGES_PER_CLIENT = 4_096;
  /** Seq ranges of a group's acknowledged messages (acks of different senders may arrive out of order). */
  static final int MAX_RANGES_PER_GROUP = 100_000;
  /** A sender whose loop falls further behind than this skips the missed sends instead of bursting them. */
  private static final long MAX_BACKLOG_NANOS = TimeUnit.SECONDS.toNanos(1);

  private final int index;
  private final String runId;
  private final long userId;
  private final LoadGroup group;
  private final JvmClientRuntime loop;
  private final RunStats stats;
  private final ChatClient client;
  private final ConversationId conversation;

  // Loop thread only.
  private final SeqSet seen = new SeqSet(MAX_RANGES_PER_CLIENT);
  private final SeqSet rawSeen = new SeqSet(MAX_RANGES_PER_CLIENT);
  private long ownAckedInSeen;
  private long ownAckedInRawSeen;
  private long duplicates;
  private long rawDuplicates;
  private long refused;
  private long failed;
  private boolean online;
  private boolean attemptPending;
  private Runnable onAttemptDone = () -> { };
  private long sendCount;
  private long nextDueNanos;
  private long stopNanos;
  private long periodNanos;
  private Cancellable sendTimer;
  private boolean closed;
  private boolean everOnline;

  /** Creates the client; call on {@code loop}. */
  LoadClient(int index, String runId, long userId, AccessTokenSource tokens, LoadGroup group, String baseUrl,
      JvmClientRuntime loop, HttpClient http, TransportMaker transport, RunStats stats) {
    this.index = index;
    this.runId = runId;
    this.userId = userId;
    this.group = group;
    this.loop = loop;
    this.stats = stats;
    this.conversation = ConversationId.of(group.conversationId());
    ClientOptions options = ClientOptions.defaults(baseUrl)
        .withDevice("loadgen-" + index, "senchat-loadgen/0.1")
        .withBackoff(500, 5_000);
    this.client = new ChatClient(options, transport.policy(loop, http, RawTap::new), tokens,
        new InMemoryClientStateStore(), loop.runtime(), this);
  }

  JvmClientRuntime loop() {
    return loop;
  }

  /** Starts connecting; {@code attemptDone} runs once, when the first attempt succeeded or failed. */
  void start(Runnable attemptDone) {
    onAttemptDone = attemptDone;
    attemptPending = true;
    client.start();
  }

  /** Sends one message every {@code period} ns, the first at {@code firstNanos}, until {@code stopAtNanos}. */
  void startSending(long firstNanos, long stopAtNanos, long period) {
    nextDueNanos = firstNanos;
    stopNanos = stopAtNanos;
    periodNanos = period;
    scheduleNextSend();
  }

  private void scheduleNextSend() {
    if (nextDueNanos >= stopNanos) {
      return;
    }
    long delayMillis = Math.max(0, TimeUnit.NANOSECONDS.toMillis(nextDueNanos - System.nanoTime()));
    sendTimer = loop.runtime().scheduler().schedule(delayMillis, this::sendDue);
  }

  private void sendDue() {
    long now = System.nanoTime();
    stats.maxSendLagNanos.accumulate(now - nextDueNanos);
    if (now - nextDueNanos > MAX_BACKLOG_NANOS) {
      long missed = (now - nextDueNanos) / periodNanos;
      stats.skippedSends.add(missed);
      nextDueNanos += missed * periodNanos;
    }
    if (now < stopNanos) {
      String clientId = runId + "-" + index + "-" + (++sendCount);
      if (client.send(OutgoingMessage.text(conversation, clientId, MARKER + System.nanoTime())).accepted()) {
        stats.outstanding.increment();
      } else {
        refused++;
        stats.refused.increment();
      }
    }
    nextDueNanos += periodNanos;
    scheduleNextSend();
  }

  /** What this client counted; {@code acked} is its group's acknowledged seqs, final. */
  Tally tally(SeqSet acked) {
    return new Tally(seen.countCommon(acked) - ownAckedInSeen, rawSeen.countCommon(acked) - ownAckedInRawSeen,
        duplicates, rawDuplicates, seen.untracked() + rawSeen.untracked(), refused, failed);
  }

  /** Counts of one client at the end of a run. */
  record Tally(long delivered, long rawDelivered, long duplicates, long rawDuplicates, long untracked, long refused,
      long failed) {

    static final Tally ZERO = new Tally(0, 0, 0, 0, 0, 0, 0);

    Tally plus(Tally other) {
      return new Tally(delivered + other.delivered, rawDelivered + other.rawDelivered, duplicates + other.duplicates,
          rawDuplicates + other.rawDuplicates, untracked + other.untracked, refused + other.refused,
          failed + other.failed);
    }
  }

  void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (sendTimer != null) {
      sendTimer.cancel();
    }
    stopNanos = Long.MIN_VALUE;
    client.close();
    finishAttempt();
  }

  // ---- the engine's events ----

  @Override
  public void onStatus(ConnectionStatus status) {
    boolean nowOnline = status.state() == ConnectionState.ONLINE;
    if (nowOnline != online) {
      online = nowOnline;
      stats.online.add(nowOnline ? 1 : -1);
    }
    if (nowOnline && !everOnline) {
      everOnline = true;
      stats.everOnline.increment();
    }
    if (status.state() == ConnectionState.FAILED && stats.warn()) {
      LOG.warn("client {} (user {}) gave up connecting: {}", index, userId, status.failureCode());
    }
    if (status.state() != ConnectionState.CONNECTING) {
      finishAttempt();
    }
  }

  @Override
  public void onEvent(ServerFrame event) {
    if (event instanceof MessageNew created) {
      Message message = created.message();
      if (!isOurs(message)) {
        return;
      }
      if (!seen.add(message.seq())) {
        duplicates++;
        stats.duplicates.increment();
        return;
      }
      long sentNanos = sentNanos(message.text());
      if (sentNanos != Long.MIN_VALUE) {
        stats.latency.record(TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - sentNanos));
        stats.arrivals.increment();
      }
    }
  }

  @Override
  public void onSendAcked(OutgoingMessage message, Ack ack) {
    stats.outstanding.decrement();
    if (group.ack(ack.seq())) {
      stats.acked.increment();
      stats.expected.add(group.members() - 1);
    }
    // Our own seqs join the receive sets, so that a receiver's set stays one range instead of one per own message.
    if (seen.add(ack.seq())) {
      ownAckedInSeen++;
    }
    if (rawSeen.add(ack.seq())) {
      ownAckedInRawSeen++;
    }
  }

  @Override
  public void onSendFailed(OutgoingMessage message, ErrorFrame error) {
    stats.outstanding.decrement();
    failed++;
    stats.failed.increment();
    if (stats.warn()) {
      LOG.warn("client {}: message {} refused: {} {}", index, message.clientId(), error.code(), error.message());
    }
  }

  @Override
  public void onServerError(ErrorFrame error) {
    if (stats.warn()) {
      LOG.warn("client {}: server error {} {}", index, error.code(), error.message());
    }
  }

  // ---- raw frames, before the engine ----

  /** A frame as the transport delivered it, on the loop, before the engine decodes it. */
  void onRawFrame(String frame) {
    if (!frame.contains("\"message.new\"")) {
      return;
    }
    Outbound outbound;
    try {
      outbound = ProtocolCodec.decodeServer(frame);
    } catch (RuntimeException e) {
      // The engine reports undecodable frames itself.
      return;
    }
    if (outbound.frame() instanceof MessageNew created) {
      rawArrival(created.message());
    } else if (outbound.frame() instanceof SyncBatch batch) {
      for (ServerFrame event : batch.events()) {
        if (event instanceof MessageNew created) {
          rawArrival(created.message());
        }
      }
    }
  }

  private void rawArrival(Message message) {
    if (isOurs(message) && !rawSeen.add(message.seq())) {
      rawDuplicates++;
      stats.rawDuplicates.increment();
    }
  }

  /** A message of this client's group from someone else (our own come back too, and are not deliveries). */
  private boolean isOurs(Message message) {
    return message.senderId().value() != userId && message.conversationId().equals(conversation);
  }

  private void finishAttempt() {
    if (attemptPending) {
      attemptPending = false;
      onAttemptDone.run();
    }
  }

  /** The send time in a load-generator message, or {@link Long#MIN_VALUE} for any other text. */
  static long sentNanos(String text) {
    if (!text.startsWith(MARKER)) {
      return Long.MIN_VALUE;
    }
    try {
      return Long.parseLong(text.substring(MARKER.length()));
    } catch (NumberFormatException e) {
      return Long.MIN_VALUE;
    }
  }

  @Override
  public String toString() {
    return "LoadClient[" + index + ", user " + userId + ", " + conversation + "]";
  }

  /** Shows every frame of this client's transports to {@link #onRawFrame} first. */
  private final class RawTap implements ClientTransportFactory {

    private final ClientTransportFactory factory;

    RawTap(ClientTransportFactory factory) {
      this.factory = factory;
    }

    @Override
    public String name() {
      return factory.name();
    }

    @Override
    public ClientTransport create(String baseUrl, String accessToken) {
      ClientTransport transport = factory.create(baseUrl, accessToken);
      return new ClientTransport() {
        @Override
        public void connect(ClientTransportListener listener) {
          transport.connect(new ClientTransportListener() {
            @Override
            public void onOpen() {
              listener.onOpen();
            }

            @Override
            public void onFrame(String frame) {
              onRawFrame(frame);
              listener.onFrame(frame);
            }

            @Override
            public void onClose(CloseReason reason) {
              listener.onClose(reason);
            }
          });
        }

        @Override
        public boolean send(String frame) {
          return transport.send(frame);
        }

        @Override
        public void close() {
          transport.close();
        }
      };
    }
  }
}
