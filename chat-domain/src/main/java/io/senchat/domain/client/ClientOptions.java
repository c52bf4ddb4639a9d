package io.senchat.domain.client;

import io.senchat.domain.protocol.ClientFrame;
import io.senchat.domain.protocol.ProtocolLimits;
import io.senchat.domain.rules.Limits;

/**
 * Settings of a {@link ChatClient}; {@link #defaults} gives sensible values and the {@code with…} methods change one.
 *
 * @param baseUrl the server's base URL, handed to the transport factory, e.g. {@code https://chat.example.com}
 * @param deviceId a stable id of this installation for {@code hello}, or {@code ""}
 * @param clientVersion client name and version for {@code hello}, or {@code ""}
 * @param maxInFlightSends most {@code message.send} frames awaiting their ack at once; a flush of a long offline queue
 *     is paced by acks so that it cannot overflow the transport's send queue
 * @param requestTimeoutMillis a request unanswered for this long means the connection is dead: it is closed and
 *     re-established, and unacknowledged sends are sent again (never marked failed for a timeout)
 * @param handshakeTimeoutMillis from starting a connection attempt to {@code welcome}
 * @param pongTimeoutMillis after a heartbeat {@code ping}, how long to wait for any frame before declaring the
 *     socket dead
 * @param lateTimerToleranceMillis a timer that fires later than this after its due time is taken as a sign that the
 *     host slept or throttled timers: deadlines are extended and the socket is probed instead of declared dead
 * @param syncBatchLimit the {@code limit} of each {@code sync}
 * @param receiptFlushMillis delivery and read marks are coalesced for this long before one {@code receipt.mark}
 * @param backoffBaseMillis first reconnect delay bound, doubled per failed attempt
 * @param backoffCapMillis largest reconnect delay bound
 */
public record ClientOptions(String baseUrl, String deviceId, String clientVersion, int maxInFlightSends,
    long requestTimeoutMillis, long handshakeTimeoutMillis, long pongTimeoutMillis, long lateTimerToleranceMillis,
    int syncBatchLimit, long receiptFlushMillis, long backoffBaseMillis, long backoffCapMillis) {

  /** Default bound on unacknowledged sends. */
  public static final int DEFAULT_MAX_IN_FLIGHT_SENDS = 32;
  /** Default request (ack) timeout. */
  public static final long DEFAULT_REQUEST_TIMEOUT_MILLIS = 10_000;
  /** Default time allowed from connecting to {@code welcome}. */
  public static final long DEFAULT_HANDSHAKE_TIMEOUT_MILLIS = 15_000;
  /** Default wait for an answer to a heartbeat ping. */
  public static final long DEFAULT_PONG_TIMEOUT_MILLIS = 10_000;
  /** Default lateness of a timer above which the host is taken to have slept or throttled timers. */
  public static final long DEFAULT_LATE_TIMER_TOLERANCE_MILLIS = 5_000;
  /** Default {@code sync} limit, the same as the batch the server sends after {@code welcome}. */
  public static final int DEFAULT_SYNC_BATCH_LIMIT = 100;
  /** Default coalescing window of receipt marks. */
  public static final long DEFAULT_RECEIPT_FLUSH_MILLIS = 200;

  public ClientOptions {
    if (baseUrl == null || deviceId == null || clientVersion == null) {
      throw new IllegalArgumentException("baseUrl, deviceId and clientVersion must not be null");
    }
    // Fails now, naming the field, rather than on every connection attempt.
    new ClientFrame.Hello("t", null, deviceId, clientVersion);
    if (maxInFlightSends < 1) {
      throw new IllegalArgumentException("maxInFlightSends must be positive: " + maxInFlightSends);
    }
    if (requestTimeoutMillis <= 0 || handshakeTimeoutMillis <= 0 || pongTimeoutMillis <= 0
        || lateTimerToleranceMillis <= 0 || receiptFlushMillis < 0) {
      throw new IllegalArgumentException("timeouts must be positive");
    }
    if (syncBatchLimit < 1 || syncBatchLimit > ProtocolLimits.MAX_SYNC_LIMIT) {
      throw new IllegalArgumentException("syncBatchLimit must be 1.." + ProtocolLimits.MAX_SYNC_LIMIT);
    }
    if (backoffBaseMillis <= 0 || backoffCapMillis < backoffBaseMillis) {
      throw new IllegalArgumentException("need 0 < backoff base <= cap");
    }
  }

  /** The defaults for a server at {@code baseUrl}; backoff from 0.5 s capped at 30 s ({@link Limits}). */
  public static ClientOptions defaults(String baseUrl) {
    return new ClientOptions(baseUrl, "", "", DEFAULT_MAX_IN_FLIGHT_SENDS, DEFAULT_REQUEST_TIMEOUT_MILLIS,
        DEFAULT_HANDSHAKE_TIMEOUT_MILLIS, DEFAULT_PONG_TIMEOUT_MILLIS, DEFAULT_LATE_TIMER_TOLERANCE_MILLIS,
        DEFAULT_SYNC_BATCH_LIMIT, DEFAULT_RECEIPT_FLUSH_MILLIS, Limits.BACKOFF_BASE_MILLIS, Limits.BACKOFF_CAP_MILLIS);
  }

  public ClientOptions withDevice(String newDeviceId, String newClientVersion) {
    return new ClientOptions(baseUrl, newDeviceId, newClientVersion, maxInFlightSends, requestTimeoutMillis,
        handshakeTimeoutMillis, pongTimeoutMillis, lateTimerToleranceMillis, syncBatchLimit, receiptFlushMillis,
        backoffBaseMillis, backoffCapMillis);
  }

  public ClientOptions withMaxInFlightSends(int max) {
    return new ClientOptions(baseUrl, deviceId, clientVersion, max, requestTimeoutMillis, handshakeTimeoutMillis,
        pongTimeoutMillis, lateTimerToleranceMillis, syncBatchLimit, receiptFlushMillis, backoffBaseMillis,
        backoffCapMillis);
  }

  public ClientOptions withTimeouts(long requestMillis, long handshakeMillis, long pongMillis) {
    return new ClientOptions(baseUrl, deviceId, clientVersion, maxInFlightSends, requestMillis, handshakeMillis,
        pongMillis, lateTimerToleranceMillis, syncBatchLimit, receiptFlushMillis, backoffBaseMillis,
        backoffCapMillis);
  }

  public ClientOptions withSyncBatchLimit(int limit) {
    return new ClientOptions(baseUrl, deviceId, clientVersion, maxInFlightSends, requestTimeoutMillis,
        handshakeTimeoutMillis, pongTimeoutMillis, lateTimerToleranceMillis, limit, receiptFlushMillis,
        backoffBaseMillis, backoffCapMillis);
  }

  public ClientOptions withBackoff(long baseMillis, long capMillis) {
    return new ClientOptions(baseUrl, deviceId, clientVersion, maxInFlightSends, requestTimeoutMillis,
        handshakeTimeoutMillis, pongTimeoutMillis, lateTimerToleranceMillis, syncBatchLimit, receiptFlushMillis,
        baseMillis, capMillis);
  }
}
