package io.senchat.web.rest;

/**
 * A failed REST call: the API's stable error {@code code} (see docs/api.md), or {@code "network"} when the server
 * could not be reached.
 *
 * @param status the HTTP status, 0 for network failures
 * @param message for developers; the UI maps {@code code} to its own words
 */
public record ApiError(int status, String code, String message) {

  /** The request never got an answer. */
  public static ApiError network() {
    return new ApiError(0, "network", "the server could not be reached");
  }

  /** Worth retrying later unchanged. */
  public boolean transientFailure() {
    return status == 0 || status >= 500 || "rate_limited".equals(code);
  }
}
