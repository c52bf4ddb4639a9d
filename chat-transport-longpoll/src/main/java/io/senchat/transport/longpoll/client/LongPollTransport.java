package io.senchat.transport.longpoll.client;

import io.senchat.domain.common.ChatException;
import io.senchat.domain.transport.ClientTransport;
import io.senchat.domain.transport.ClientTransportListener;
import io.senchat.domain.transport.CloseReason;
import io.senchat.transport.longpoll.concurrent.SerialExecutor;
import io.senchat.transport.longpoll.shared.InboundCursor;
import io.senchat.transport.longpoll.shared.LongPollCloseCodes;
import io.senchat.transport.longpoll.shared.LongPollUrls;
import io.senchat.transport.longpoll.shared.OpenAnswer;
import io.senchat.transport.longpoll.shared.PollBatch;
import io.senchat.transport.longpoll.shared.UpstreamBatch;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One long-poll session over {@code java.net.http}: open, then one poll at a time down and one upstream request at
 * a time up, each direction in order.
 *
 * <p>Threads: answers arrive on the HTTP client's executor; polls are handled, and the listener is called, only on
 * {@link #events}, one at a time and in order. The next poll starts after the listener has taken the previous batch,
 * so a slow listener slows the server down (its buffer fills, and it closes the session as a slow consumer) instead of
 * filling memory here.
 */
final class LongPollTransport implements ClientTransport {

  private static final Logger LOG = LoggerFactory.getLogger(LongPollTransport.class);

  // Open answers and upstream answers are tiny; anything bigger is not from a SenChat server.
  private static final int SMALL_BODY_BYTES = 64 * 1024;

  private enum State { NEW, OPENING, OPEN, CLOSED }

  private final HttpClient http;
  private final String endpoint;
  private final String accessToken;
  private final LongPollClientOptions options;
  private final Executor executor;
  private final SerialExecutor events;
  private final Object lock = new Object();
  private final AtomicBoolean closeReported = new AtomicBoolean();
  private volatile ClientTransportListener listener;
  // Guarded by lock.
  private State state = State.NEW;
  private OpenAnswer session;
  private final ArrayDeque<String> outbox = new ArrayDeque<>();
  private boolean posting;
  private CompletableFuture<?> pollInFlight;
  // Event thread only.
  private final InboundCursor cursor = new InboundCursor();
  private boolean listenerClosed;
  private int pollFailures;

  LongPollTransport(HttpClient http, String endpoint, String accessToken, LongPollClientOptions options,
      Executor executor) {
    this.http = http;
    this.endpoint = endpoint;
    this.accessToken = accessToken;
    this.options = options;
    this.executor = executor;
    this.events = new SerialExecutor(executor, "longpoll-client " + endpoint);
  }

  @Override
  public void connect(ClientTransportListener newListener) {
    if (newListener == null) {
      throw new IllegalArgumentException("listener must not be null");
    }
    synchronized (lock) {
      if (state != State.NEW) {
        throw new IllegalStateException("connect() may be called once per transport");
      }
      listener = newListener;
      state = State.OPENING;
    }
    try {
      HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(LongPollUrls.open(endpoint)))
          .timeout(options.requestTimeout())
          .POST(HttpRequest.BodyPublishers.noBody());
      if (!accessToken.isEmpty()) {
        request.header("Authorization", "Bearer " + accessToken);
      }
      http.sendAsync(request.build(), LimitedStringBody.handler(SMALL_BODY_BYTES))
          .whenCompleteAsync(this::onOpened, executor);
    } catch (RuntimeException e) {
      LOG.debug("cannot start opening {}", endpoint, e);
      finish(CloseReason.ABNORMAL);
    }
  }

  @Override
  public boolean send(String frame) {
    boolean overflow = false;
    boolean startPosting = false;
    synchronized (lock) {
      if (state != State.OPEN) {
        return false;
      }
      if (outbox.size() >= options.sendQueueMaxFrames()) {
        overflow = true;
      } else {
        outbox.add(frame);
        if (!posting) {
          posting = true;
          startPosting = true;
        }
      }
    }
    if (overflow) {
      LOG.info("send queue to {} full ({} frames); closing", endpoint, options.sendQueueMaxFrames());
      fail(CloseReason.SLOW_CONSUMER);
      return false;
    }
    if (startPosting) {
      postNext();
    }
    return true;
  }

  @Override
  public void close() {
    synchronized (lock) {
      if (state == State.CLOSED) {
        return;
      }
      if (state == State.NEW) {
        // connect() was never called: there is no listener to tell.
        state = State.CLOSED;
        return;
      }
    }
    fail(CloseReason.NORMAL);
  }

  // ---- opening ----

  private void onOpened(HttpResponse<String> response, Throwable error) {
    if (error != null) {
      LOG.debug("opening {} failed", endpoint, error);
      finish(CloseReason.ABNORMAL);
      return;
    }
    if (response.statusCode() != 200) {
      LOG.debug("opening {} refused with {}: {}", endpoint, response.statusCode(), response.body());
      finish(LongPollCloseCodes.fromOpenStatus(response.statusCode()));
      return;
    }
    OpenAnswer answer;
    try {
      answer = OpenAnswer.parse(response.body());
    } catch (ChatException e) {
      LOG.debug("{} answered open with something else: {}", endpoint, e.getMessage());
      finish(CloseReason.PROTOCOL_ERROR);
      return;
    }
    boolean closedMeanwhile;
    synchronized (lock) {
      closedMeanwhile = state == State.CLOSED;
      if (!closedMeanwhile) {
        session = answer;
        state = State.OPEN;
      }
    }
    if (closedMeanwhile) {
      delete(answer.sessionId());
      return;
    }
    events.execute(this::deliverOpen);
    events.execute(this::pollNow);
  }

  private void deliverOpen() {
    if (!listenerClosed) {
      try {
        listener.onOpen();
      } catch (RuntimeException e) {
        LOG.error("listener failed on open", e);
      }
    }
  }

  // ---- down: polls, on the event thread ----

  private void pollNow() {
    OpenAnswer current;
    synchronized (lock) {
      if (state != State.OPEN || listenerClosed) {
        return;
      }
      current = session;
    }
    HttpRequest request = HttpRequest.newBuilder(URI.create(LongPollUrls.poll(endpoint, current.sessionId(),
            cursor.ack())))
        .timeout(Duration.ofMillis(current.pollTimeoutMillis()).plus(options.requestTimeout()))
        .GET()
        .build();
    CompletableFuture<HttpResponse<String>> poll;
    try {
      // Three bytes per character at most: the cap bounds memory before decoding.
      poll = http.sendAsync(request, LimitedStringBody.handler(3L * options.maxInboundBatchChars()));
    } catch (RuntimeException e) {
      LOG.debug("cannot poll {}", endpoint, e);
      fail(CloseReason.ABNORMAL);
      return;
    }
    synchronized (lock) {
      pollInFlight = poll;
    }
    poll.whenCompleteAsync(this::onPolled, events);
  }

  private void onPolled(HttpResponse<String> response, Throwable error) {
    synchronized (lock) {
      if (state != State.OPEN) {
        return;
      }
      pollInFlight = null;
    }
    if (error != null) {
      Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
      if (cause instanceof LimitedStringBody.TooLargeException) {
        LOG.info("poll answer from {} over {} chars; closing", endpoint, options.maxInboundBatchChars());
        fail(CloseReason.TOO_LARGE);
      } else {
        retryPoll(cause.toString());
      }
      return;
    }
    int status = response.statusCode();
    if (status != 200) {
      if (status >= 500 || status == 408 || status == 429) {
        retryPoll("status " + status);
      } else {
        LOG.debug("poll of {} refused with {}: {}", endpoint, status, response.body());
        finish(LongPollCloseCodes.fromSessionStatus(status));
      }
      return;
    }
    PollBatch batch;
    List<String> fresh;
    try {
      batch = PollBatch.parse(response.body(), options.maxInboundBatchChars());
      fresh = cursor.accept(batch);
    } catch (ChatException | IllegalStateException e) {
      LOG.info("bad poll answer from {}: {}; closing", endpoint, e.getMessage());
      fail(CloseReason.PROTOCOL_ERROR);
      return;
    }
    pollFailures = 0;
    for (String frame : fresh) {
      if (listenerClosed) {
        return;
      }
      try {
        listener.onFrame(frame);
      } catch (RuntimeException e) {
        LOG.error("listener failed on a frame", e);
      }
    }
    if (batch.close() != null) {
      // The server has ended the session already; there is nothing to delete.
      finish(batch.close());
      return;
    }
    pollNow();
  }

  private void retryPoll(String why) {
    pollFailures++;
    if (pollFailures > options.pollRetries()) {
      LOG.info("polling {} failed {} times ({}); closing", endpoint, pollFailures, why);
      fail(CloseReason.ABNORMAL);
      return;
    }
    long delay = options.retryDelay().toMillis() << Math.min(pollFailures - 1, 10);
    LOG.debug("poll of {} failed ({}); retrying in {} ms", endpoint, why, delay);
    CompletableFuture.delayedExecutor(delay, TimeUnit.MILLISECONDS, events).execute(this::pollNow);
  }

  // ---- up: one request at a time ----

  private void postNext() {
    List<String> frames;
    OpenAnswer current;
    synchronized (lock) {
      if (state != State.OPEN || outbox.isEmpty()) {
        posting = false;
        return;
      }
      current = session;
      int max = Math.min(options.maxFramesPerPost(), current.maxFramesPerPost());
      frames = new ArrayList<>(Math.min(max, outbox.size()));
      while (frames.size() < max && !outbox.isEmpty()) {
        frames.add(outbox.poll());
      }
    }
    try {
      HttpRequest request = HttpRequest.newBuilder(URI.create(LongPollUrls.session(endpoint, current.sessionId())))
          .timeout(options.requestTimeout())
          .header("Content-Type", "application/json; charset=utf-8")
          .POST(HttpRequest.BodyPublishers.ofString(UpstreamBatch.encode(frames)))
          .build();
      http.sendAsync(request, LimitedStringBody.handler(SMALL_BODY_BYTES))
          .whenCompleteAsync(this::onPosted, executor);
    } catch (RuntimeException e) {
      onPosted(null, e);
    }
  }

  private void onPosted(HttpResponse<String> response, Throwable error) {
    if (error != null) {
      // The server may or may not have taken the frames: only a new session, resumed by sync token, is certain.
      LOG.debug("sending to {} failed", endpoint, error);
      fail(CloseReason.ABNORMAL);
      return;
    }
    int status = response.statusCode();
    if (status == 204 || status == 200) {
      postNext();
    } else if (status == 404) {
      // The session is over; the poll brings its close reason.
      synchronized (lock) {
        posting = false;
        outbox.clear();
      }
    } else {
      LOG.info("{} refused frames with {}: {}", endpoint, status, response.body());
      fail(LongPollCloseCodes.fromSessionStatus(status));
    }
  }

  // ---- closing ----

  /** Records the end, tells the listener once and stops polling; returns the session to delete, if any. */
  private String finish(CloseReason reason) {
    CompletableFuture<?> poll;
    String sessionId;
    synchronized (lock) {
      sessionId = state == State.OPEN && session != null ? session.sessionId() : null;
      state = State.CLOSED;
      outbox.clear();
      poll = pollInFlight;
      pollInFlight = null;
    }
    if (poll != null) {
      poll.cancel(true);
    }
    if (!closeReported.compareAndSet(false, true)) {
      return null;
    }
    events.execute(() -> deliverClose(reason));
    return sessionId;
  }

  /** A decision of this side to close: report it and tell the server, so its core sees the close at once. */
  private void fail(CloseReason reason) {
    String sessionId = finish(reason);
    if (sessionId != null) {
      delete(sessionId);
    }
  }

  private void delete(String sessionId) {
    try {
      HttpRequest request = HttpRequest.newBuilder(URI.create(LongPollUrls.session(endpoint, sessionId)))
          .timeout(options.requestTimeout())
          .DELETE()
          .build();
      http.sendAsync(request, HttpResponse.BodyHandlers.discarding());
    } catch (RuntimeException e) {
      LOG.debug("cannot delete session at {}", endpoint, e);
    }
  }

  private void deliverClose(CloseReason reason) {
    if (!listenerClosed) {
      listenerClosed = true;
      listener.onClose(reason);
    }
  }

  @Override
  public String toString() {
    synchronized (lock) {
      return "LongPollTransport[" + endpoint + ", " + state + ", " + outbox.size() + " queued]";
    }
  }
}
