package io.senchat.examples.loadgen;

import io.senchat.domain.client.AccessTokenSource;
import io.senchat.domain.client.Cancellable;
import io.senchat.domain.client.ChatClient;
import io.senchat.domain.client.ChatClientListener;
import io.senchat.domain.client.ClientOptions;
import io.senchat.domain.client.ConnectionState;
import io.senchat.domain.client.ConnectionStatus;
import io.senchat.domain.client.FallbackTransportPolicy;
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
import io.senchat.transport.longpoll.client.LongPollClientOptions;
import io.senchat.transport.longpoll.client.LongPollTransportFactory;
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
 * <p>A message's text is {@code lg:<due>:<sent>}: the {@link System#nanoTime()} at which the send was scheduled and
 * the one at the send call. All clients live in one JVM, so a receiver computes the latency on the same clock, from
 * the moment its transport handed over the frame (before the engine decodes it) back to the send call, and also back
 * to the scheduled time: sends follow a fixed schedule whatever the server does, and a late send is sent late rather
 * than skipped, so a stalled generator shows in the second figure instead of silently thinning the samples
 * (coordinated omission). Seqs are counted twice: as the application sees them ({@link #onEvent}, after the engine's
 * deduplication) and as they come off the wire ({@link #onRawFrame}, by a string scan rather than a second decode).
 */
final class LoadClient implements ChatClientListener {

  private static final Logger LOG = LoggerFactory.getLogger(LoadClient.class);

  /** Builds the transport policy of one client on its loop; {@code tap} must wrap every factory it uses. */
  @FunctionalInterface
  interface TransportMaker {
    TransportPolicy policy(JvmClientRuntime loop, HttpClient http, UnaryOperator<ClientTransportFactory> tap);
  }

  /**
   * The transports {@code --transport} accepts: WebSocket, long-poll, or WebSocket first with a fallback to long-poll
   * and background upgrades back ({@link FallbackTransportPolicy}, one per client: it is stateful). Every factory
   * delivers its events on the client's loop and uses the loop's HTTP client (whose executor is the loop too).
   */
  static final Map<String, TransportMaker> TRANSPORTS = Map.of(
      "ws", (loop, http, tap) -> TransportPolicy.only(tap.apply(webSocket(loop, http))),
      "longpoll", (loop, http, tap) -> TransportPolicy.only(tap.apply(longPoll(loop, http))),
      "auto", (loop, http, tap) -> new FallbackTransportPolicy(tap.apply(webSocket(loop, http)),
          tap.apply(longPoll(loop, http)), loop.runtime().clock()));

  private static ClientTransportFactory webSocket(JvmClientRuntime loop, HttpClient http) {
    return loop.webSocket(http, WebSocketClientOptions.defaults());
  }

  private static ClientTransportFactory longPoll(JvmClientRuntime loop, HttpClient http) {
    return new LongPollTransportFactory(http, LongPollClientOptions.defaults(), loop.executor());
  }

  static final String MARKER = "lg:";
  /**
   * Stamps are written relative to this (every client of a run shares the JVM and so the origin): 11 digits for a
   * run of a few minutes instead of up to 19, and the receivers parse two of them 9,000 times a second.
   */
  static final long ORIGIN_NANOS = System.nanoTime();
  /**
   * Seq ranges one client tracks. A receiver's seqs form one range plus a gap per message not (yet) delivered, so a
   * few thousand only fill up when something is badly wrong, which {@link SeqSet#untracked()} then reports.
   */
  static final int MAX_RANGES_PER_CLIENT = 4_096;
  /** Seq ranges of a group's acknowledged messages (acks of different senders may arrive out of order). */
  static final int MAX_RANGES_PER_GROUP = 100_000;
  /** A send that fires later than this after its scheduled time counts as late (the loop could not keep up). */
  static final long LATE_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
  /** Overdue sends one timer task makes at most before yielding the loop to other clients. */
  private static final int MAX_SENDS_PER_TASK = 16;

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
  // When the transport handed over the frame being processed; 0 outside a frame.
  private long frameArrivalNanos;
  private final long[] scanned = new long[3];

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
    // Rounded up: the timer has millisecond resolution, and a send must not go before its due time.
    long delayMillis = Math.max(0, (nextDueNanos - System.nanoTime() + 999_999) / 1_000_000);
    sendTimer = loop.runtime().scheduler().schedule(delayMillis, this::sendDue);
  }

  private void sendDue() {
    // A late loop catches up by sending the missed messages now, each stamped with its own due time, never by
    // skipping them; a few per timer task, so that one client's backlog cannot hold the loop for long.
    int sent = 0;
    do {
      sendOne();
    } while (++sent < MAX_SENDS_PER_TASK && nextDueNanos < stopNanos && nextDueNanos <= System.nanoTime());
    scheduleNextSend();
  }

  private void sendOne() {
    long due = nextDueNanos;
    nextDueNanos += periodNanos;
    long lag = System.nanoTime() - due;
    stats.sendLag.record(TimeUnit.NANOSECONDS.toMicros(Math.max(0, lag)));
    if (lag > LATE_NANOS) {
      stats.lateSends.increment();
    }
    if (due >= stopNanos) {
      return;
    }
    String clientId = runId + "-" + index + "-" + (++sendCount);
    // The send-call stamp is taken last, right before the engine sees the message.
    String text = MARKER + (due - ORIGIN_NANOS) + ":" + (System.nanoTime() - ORIGIN_NANOS);
    if (client.send(OutgoingMessage.text(conversation, clientId, text)).accepted()) {
      stats.outstanding.increment();
    } else {
      refused++;
      stats.refused.increment();
    }
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
        long arrived = frameArrivalNanos != 0 ? frameArrivalNanos : System.nanoTime();
        stats.latency.record(TimeUnit.NANOSECONDS.toMicros(arrived - sentNanos));
        stats.latencyFromDue.record(TimeUnit.NANOSECONDS.toMicros(arrived - dueNanos(message.text())));
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
    if (FrameScan.isMessageNew(frame)) {
      if (FrameScan.messageNew(frame, scanned)) {
        rawArrival(scanned[FrameScan.CONVERSATION_ID], scanned[FrameScan.SEQ_VALUE], scanned[FrameScan.SENDER_ID]);
        return;
      }
    } else if (!frame.contains("\"" + SyncBatch.TYPE + "\"")) {
      return;
    }
    // A replayed batch (rare: after a reconnect) or an unexpected layout: decode it properly.
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
    rawArrival(message.conversationId().value(), message.seq(), message.senderId().value());
  }

  private void rawArrival(long conversationId, long seq, long senderId) {
    if (senderId != userId && conversationId == conversation.value() && !rawSeen.add(seq)) {
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

  /** The send-call time in a load-generator message ({@code lg:<due>:<sent>}), or {@link Long#MIN_VALUE}. */
  static long sentNanos(String text) {
    int colon = text.startsWith(MARKER) ? text.indexOf(':', MARKER.length()) : -1;
    return colon < 0 ? Long.MIN_VALUE : stamp(text, colon + 1, text.length());
  }

  /** The scheduled send time in a load-generator message, or {@link Long#MIN_VALUE}. */
  static long dueNanos(String text) {
    int colon = text.startsWith(MARKER) ? text.indexOf(':', MARKER.length()) : -1;
    return colon < 0 ? Long.MIN_VALUE : stamp(text, MARKER.length(), colon);
  }

  /** The stamp in {@code text[from, to)} back on the {@link System#nanoTime()} scale, or {@link Long#MIN_VALUE}. */
  private static long stamp(String text, int from, int to) {
    boolean negative = from < to && text.charAt(from) == '-';
    int start = negative ? from + 1 : from;
    // At most 18 digits, so the sum cannot overflow.
    if (start == to || to - start > 18) {
      return Long.MIN_VALUE;
    }
    long value = 0;
    for (int i = start; i < to; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return Long.MIN_VALUE;
      }
      value = value * 10 + (c - '0');
    }
    return ORIGIN_NANOS + (negative ? -value : value);
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
              // Arrival is stamped here, before any decoding, and read by onEvent while the engine handles the frame.
              long arrived = System.nanoTime();
              onRawFrame(frame);
              frameArrivalNanos = arrived;
              try {
                listener.onFrame(frame);
              } finally {
                frameArrivalNanos = 0;
              }
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
