package io.senchat.transport.longpoll.browser;

import elemental2.dom.DomGlobal;
import elemental2.dom.XMLHttpRequest;
import io.senchat.domain.common.ChatException;
import io.senchat.domain.transport.ClientTransport;
import io.senchat.domain.transport.ClientTransportListener;
import io.senchat.domain.transport.CloseReason;
import io.senchat.transport.longpoll.shared.InboundCursor;
import io.senchat.transport.longpoll.shared.LongPollCloseCodes;
import io.senchat.transport.longpoll.shared.LongPollUrls;
import io.senchat.transport.longpoll.shared.OpenAnswer;
import io.senchat.transport.longpoll.shared.PollBatch;
import io.senchat.transport.longpoll.shared.UpstreamBatch;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * One long-poll session over the browser's {@code XMLHttpRequest}: one poll down and one upstream request up at a
 * time, each in order. JavaScript is single-threaded, so no locks; the listener is called from the event loop. The
 * token travels in the {@code Authorization} header, which an XMLHttpRequest may set.
 */
final class BrowserLongPollTransport implements ClientTransport {

  private static final double NO_TIMER = -1;

  private final String endpoint;
  private final String accessToken;
  private final BrowserLongPollOptions options;
  private final InboundCursor cursor = new InboundCursor();
  private final ArrayDeque<String> outbox = new ArrayDeque<>();
  private ClientTransportListener listener;
  private OpenAnswer session;
  private XMLHttpRequest poll;
  private boolean posting;
  private boolean finished;
  private int pollFailures;
  private double retryTimer = NO_TIMER;

  BrowserLongPollTransport(String endpoint, String accessToken, BrowserLongPollOptions options) {
    this.endpoint = endpoint;
    this.accessToken = accessToken;
    this.options = options;
  }

  @Override
  public void connect(ClientTransportListener newListener) {
    if (newListener == null) {
      throw new IllegalArgumentException("listener must not be null");
    }
    if (listener != null || finished) {
      throw new IllegalStateException("connect() may be called once per transport");
    }
    listener = newListener;
    XMLHttpRequest request = request("POST", LongPollUrls.open(endpoint), options.requestTimeoutMillis());
    if (!accessToken.isEmpty()) {
      request.setRequestHeader("Authorization", "Bearer " + accessToken);
    }
    request.onload = event -> handleOpened(request);
    request.onerror = event -> {
      finish(CloseReason.ABNORMAL);
      return null;
    };
    request.ontimeout = event -> finish(CloseReason.ABNORMAL);
    try {
      request.send();
    } catch (RuntimeException e) {
      finish(CloseReason.ABNORMAL);
    }
  }

  @Override
  public boolean send(String frame) {
    if (session == null || finished) {
      return false;
    }
    if (outbox.size() >= options.sendQueueMaxFrames()) {
      fail(CloseReason.SLOW_CONSUMER);
      return false;
    }
    outbox.add(frame);
    if (!posting) {
      posting = true;
      postNext();
    }
    return true;
  }

  @Override
  public void close() {
    if (listener == null) {
      finished = true;
      return;
    }
    fail(CloseReason.NORMAL);
  }

  // ---- opening ----

  private void handleOpened(XMLHttpRequest request) {
    if (finished) {
      if (request.status == 200) {
        // Closed while opening: the server must not keep the session until it expires.
        deleteSession(OpenAnswer.parse(request.responseText).sessionId());
      }
      return;
    }
    if (request.status != 200) {
      finish(LongPollCloseCodes.fromOpenStatus(request.status));
      return;
    }
    try {
      session = OpenAnswer.parse(request.responseText);
    } catch (ChatException e) {
      finish(CloseReason.PROTOCOL_ERROR);
      return;
    }
    listener.onOpen();
    pollNow();
  }

  // ---- down ----

  private void pollNow() {
    retryTimer = NO_TIMER;
    if (finished) {
      return;
    }
    XMLHttpRequest request = request("GET", LongPollUrls.poll(endpoint, session.sessionId(), cursor.ack()),
        (int) Math.min(Integer.MAX_VALUE, session.pollTimeoutMillis() + options.requestTimeoutMillis()));
    request.onload = event -> handlePolled(request);
    request.onerror = event -> {
      handlePollFailed(request);
      return null;
    };
    request.ontimeout = event -> handlePollFailed(request);
    poll = request;
    try {
      request.send();
    } catch (RuntimeException e) {
      fail(CloseReason.ABNORMAL);
    }
  }

  private void handlePolled(XMLHttpRequest request) {
    if (finished || request != poll) {
      return;
    }
    poll = null;
    int status = request.status;
    if (status != 200) {
      if (status >= 500 || status == 0 || status == 408 || status == 429) {
        retryPoll();
      } else {
        finish(LongPollCloseCodes.fromSessionStatus(status));
      }
      return;
    }
    String body = request.responseText;
    if (body.length() > options.maxBatchChars()) {
      fail(CloseReason.TOO_LARGE);
      return;
    }
    PollBatch batch;
    List<String> fresh;
    try {
      batch = PollBatch.parse(body, options.maxBatchChars());
      fresh = cursor.accept(batch);
    } catch (ChatException | IllegalStateException e) {
      fail(CloseReason.PROTOCOL_ERROR);
      return;
    }
    pollFailures = 0;
    for (String frame : fresh) {
      if (finished) {
        return;
      }
      listener.onFrame(frame);
    }
    if (finished) {
      return;
    }
    if (batch.close() != null) {
      finish(batch.close());
      return;
    }
    pollNow();
  }

  private void handlePollFailed(XMLHttpRequest request) {
    if (finished || request != poll) {
      return;
    }
    poll = null;
    retryPoll();
  }

  private void retryPoll() {
    pollFailures++;
    if (pollFailures > options.pollRetries()) {
      fail(CloseReason.ABNORMAL);
      return;
    }
    double delay = (double) options.retryDelayMillis() * (1 << Math.min(pollFailures - 1, 10));
    retryTimer = DomGlobal.setTimeout(args -> pollNow(), delay);
  }

  // ---- up ----

  private void postNext() {
    if (finished || outbox.isEmpty()) {
      posting = false;
      return;
    }
    int max = Math.min(options.maxFramesPerPost(), session.maxFramesPerPost());
    List<String> frames = new ArrayList<>();
    while (frames.size() < max && !outbox.isEmpty()) {
      frames.add(outbox.poll());
    }
    XMLHttpRequest request = request("POST", LongPollUrls.session(endpoint, session.sessionId()),
        options.requestTimeoutMillis());
    request.setRequestHeader("Content-Type", "application/json; charset=utf-8");
    request.onload = event -> handlePosted(request);
    request.onerror = event -> {
      // The server may or may not have the frames: only a new session, resumed by sync token, is certain.
      fail(CloseReason.ABNORMAL);
      return null;
    };
    request.ontimeout = event -> fail(CloseReason.ABNORMAL);
    try {
      request.send(UpstreamBatch.encode(frames));
    } catch (RuntimeException e) {
      fail(CloseReason.ABNORMAL);
    }
  }

  private void handlePosted(XMLHttpRequest request) {
    if (finished) {
      return;
    }
    int status = request.status;
    if (status == 204 || status == 200) {
      postNext();
    } else if (status == 404) {
      // The session is over; the poll brings its close reason.
      posting = false;
      outbox.clear();
    } else {
      fail(LongPollCloseCodes.fromSessionStatus(status));
    }
  }

  // ---- closing ----

  private void fail(CloseReason reason) {
    boolean wasFinished = finished;
    OpenAnswer current = session;
    finish(reason);
    if (!wasFinished && current != null) {
      deleteSession(current.sessionId());
    }
  }

  private void finish(CloseReason reason) {
    if (finished) {
      return;
    }
    finished = true;
    outbox.clear();
    if (retryTimer != NO_TIMER) {
      DomGlobal.clearTimeout(retryTimer);
      retryTimer = NO_TIMER;
    }
    XMLHttpRequest pending = poll;
    poll = null;
    if (pending != null) {
      pending.abort();
    }
    // Next tick: a caller of close() or send() must not be re-entered from inside that call.
    ClientTransportListener target = listener;
    DomGlobal.setTimeout(args -> target.onClose(reason), 0);
  }

  private void deleteSession(String sessionId) {
    XMLHttpRequest request = request("DELETE", LongPollUrls.session(endpoint, sessionId),
        options.requestTimeoutMillis());
    try {
      request.send();
    } catch (RuntimeException e) {
      // Best effort: the server expires the session anyway.
    }
  }

  private static XMLHttpRequest request(String method, String url, int timeoutMillis) {
    XMLHttpRequest request = new XMLHttpRequest();
    request.open(method, url);
    request.timeout = timeoutMillis;
    return request;
  }

  @Override
  public String toString() {
    return "BrowserLongPollTransport[" + endpoint + (finished ? ", closed]" : session != null ? ", open]"
        : ", opening]");
  }
}
