package io.senchat.domain.common;

/**
 * Stable error codes shared by the protocol error frame and the REST API. The wire name never changes once
 * released; clients branch on it. Each code carries the HTTP status the REST API answers with.
 */
public enum ErrorCode {
  /** The bytes are not valid JSON. */
  BAD_JSON("bad_json", 400, false),
  /** Valid JSON, but not a valid frame or request body (missing field, wrong type, bad value). */
  BAD_FRAME("bad_frame", 400, false),
  /** The frame type is not known to this server. */
  UNKNOWN_TYPE("unknown_type", 400, false),
  /** The protocol version is not supported; the client must upgrade. */
  UNSUPPORTED_VERSION("unsupported_version", 400, false),
  /** The frame or request exceeds a size limit. */
  TOO_LARGE("too_large", 413, false),
  /** A rule of the domain rejected the input (text too long, too many members...). */
  VALIDATION("validation", 422, false),
  /** No credentials, or credentials that are not valid. */
  UNAUTHENTICATED("unauthenticated", 401, false),
  /** The access token has expired; refresh it and retry. */
  TOKEN_EXPIRED("token_expired", 401, true),
  /** Authenticated, but not allowed to do this. */
  FORBIDDEN("forbidden", 403, false),
  /** The user is not a member of the conversation. */
  NOT_MEMBER("not_member", 403, false),
  /** The thing referred to does not exist (or is not visible to the user). */
  NOT_FOUND("not_found", 404, false),
  /** The request conflicts with the current state (username taken, idempotency key reused differently). */
  CONFLICT("conflict", 409, false),
  /** Too many requests; retry later. */
  RATE_LIMITED("rate_limited", 429, true),
  /** The peer reads too slowly and was disconnected; reconnect and resume by sync token. */
  SLOW_CONSUMER("slow_consumer", 503, true),
  /** The server is overloaded or shutting down; retry with backoff. */
  UNAVAILABLE("unavailable", 503, true),
  /** A bug on the server; the request may be retried. */
  INTERNAL("internal", 500, true);

  private final String wireName;
  private final int httpStatus;
  private final boolean retryable;

  ErrorCode(String wireName, int httpStatus, boolean retryable) {
    this.wireName = wireName;
    this.httpStatus = httpStatus;
    this.retryable = retryable;
  }

  /** The name used on the wire, e.g. {@code "not_member"}. */
  public String wireName() {
    return wireName;
  }

  public int httpStatus() {
    return httpStatus;
  }

  /** True when the same request may succeed if retried later unchanged. */
  public boolean retryable() {
    return retryable;
  }

  /** The code with this wire name, or {@code null} when unknown (a newer server may send codes we lack). */
  public static ErrorCode fromWireName(String wireName) {
    for (ErrorCode code : values()) {
      if (code.wireName.equals(wireName)) {
        return code;
      }
    }
    return null;
  }
}
